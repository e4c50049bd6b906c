package org.pharmatrace.gs1;

/** Checks a data field against its AI format (digits, check digits, dates, character sets, lengths). */
final class AiValueRules {

    private AiValueRules() {
    }

    /**
     * @param subject names the input in error messages
     * @throws Gs1IdentifierException when the value does not fit the AI's format
     */
    static void validate(ApplicationIdentifier ai, String value, int currentYear, String subject, String input) {
        String[] parts = ai.format().split("\\+");
        int position = 0;
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            boolean last = p == parts.length - 1;
            int dots = part.indexOf("..");
            if (dots >= 0) {
                int max = Integer.parseInt(part.substring(dots + 2));
                String field = value.substring(position);
                if (field.isEmpty() && parts.length == 1) {
                    throw fail(subject, input, ai, "is empty");
                }
                if (field.length() > max) {
                    throw fail(subject, input, ai, "'" + value + "' is too long: at most " + ai.maxLength() + " characters");
                }
                checkCharacters(part.charAt(0), field, ai, subject, input);
                position = value.length();
            } else {
                int length = partLength(part);
                if (value.length() < position + length || (last && value.length() != position + length)) {
                    throw fail(subject, input, ai, "'" + value + "' must be " + ai.fixedLength() + " characters"
                            + (ai.fixedLength() < 0 ? " followed by at most " + (ai.maxLength() - position - length) : "")
                            + ", has " + value.length());
                }
                String field = value.substring(position, position + length);
                checkFixed(part, field, ai, currentYear, subject, input);
                position += length;
            }
        }
    }

    private static int partLength(String part) {
        if (part.equals("D")) {
            return 6;
        }
        if (part.equals("T")) {
            return 10;
        }
        return Integer.parseInt(part.replaceAll("[^0-9]", ""));
    }

    private static void checkFixed(String part, String field, ApplicationIdentifier ai, int currentYear, String subject, String input) {
        if (!CheckDigit.isDigits(field)) {
            throw fail(subject, input, ai, "'" + field + "' must be digits");
        }
        try {
            if (part.equals("D")) {
                Gs1Date.parseYymmdd(field, currentYear);
            } else if (part.equals("T")) {
                Gs1Date.checkDateTime(field, currentYear);
            }
        } catch (IllegalArgumentException e) {
            throw fail(subject, input, ai, e.getMessage());
        }
        if (part.endsWith("C") && !CheckDigit.isValid(field)) {
            int expected = CheckDigit.compute(field.substring(0, field.length() - 1));
            throw fail(subject, input, ai, ai.title() + " check digit of " + field + " is " + field.charAt(field.length() - 1)
                    + ", expected " + expected);
        }
    }

    private static void checkCharacters(char set, String field, ApplicationIdentifier ai, String subject, String input) {
        int bad;
        switch (set) {
            case 'N':
                bad = -1;
                for (int i = 0; i < field.length() && bad < 0; i++) {
                    if (field.charAt(i) < '0' || field.charAt(i) > '9') {
                        bad = i;
                    }
                }
                break;
            case 'Y':
                bad = Gs1Characters.firstOutsideSet39(field);
                break;
            default:
                bad = Gs1Characters.firstOutsideSet82(field);
        }
        if (bad >= 0) {
            throw fail(subject, input, ai, "contains character " + Gs1Characters.describe(field.charAt(bad))
                    + " not allowed in GS1 AI " + ai.ai());
        }
    }

    private static Gs1IdentifierException fail(String subject, String input, ApplicationIdentifier ai, String problem) {
        return new Gs1IdentifierException(subject, input, "AI (" + ai.ai() + ") " + ai.title() + " " + problem);
    }
}
