package org.pharmatrace.gs1;

/**
 * The GS1 General Specifications rules a key must meet, whichever syntax it came in: digit counts, check digits,
 * character sets and maximum lengths of each AI, and the company prefix limits of the Tag Data Standard.
 */
final class Gs1KeyRules {

    private Gs1KeyRules() {
    }

    /** Validates a key and returns its qualifier in normal form (SGLN extension "0" becomes null). */
    static String validate(Gs1KeyType type, String key, String qualifier, int companyPrefixLength, String subject) {
        if (key == null || key.isEmpty()) {
            throw fail(subject, key, "no " + keyName(type) + " (AI " + type.primaryAi() + ") given");
        }
        switch (type) {
            case SGTIN:
                requireNumericKey(subject, key, 14, "GTIN");
                requireText(subject, qualifier, "serial", "21", 20, true);
                break;
            case LGTIN:
                requireNumericKey(subject, key, 14, "GTIN");
                requireText(subject, qualifier, "lot", "10", 20, true);
                break;
            case GTIN:
                requireNumericKey(subject, key, 14, "GTIN");
                requireNoQualifier(subject, qualifier, type);
                break;
            case UPUI:
                requireNumericKey(subject, key, 14, "GTIN");
                requireText(subject, qualifier, "third-party controlled serial", "235", 28, true);
                break;
            case SSCC:
                requireNumericKey(subject, key, 18, "SSCC");
                requireNoQualifier(subject, qualifier, type);
                break;
            case SGLN:
                requireNumericKey(subject, key, 13, "GLN");
                if (qualifier == null || qualifier.isEmpty() || "0".equals(qualifier)) {
                    qualifier = null;
                } else {
                    requireText(subject, qualifier, "GLN extension", "254", 20, true);
                }
                break;
            case PGLN:
                requireNumericKey(subject, key, 13, "GLN");
                requireNoQualifier(subject, qualifier, type);
                break;
            case GRAI:
                requireNumericKey(subject, prefixOf(key, 14), 14, "GRAI");
                if (key.charAt(0) != '0') {
                    throw fail(subject, key, "AI 8003 must start with the digit 0 before the 13-digit GRAI, found '" + key.charAt(0) + "'");
                }
                requireText(subject, key.substring(14), "GRAI serial", "8003", 16, false);
                requireNoQualifier(subject, qualifier, type);
                break;
            case GDTI:
                requireNumericKey(subject, prefixOf(key, 13), 13, "GDTI");
                requireText(subject, key.substring(13), "GDTI serial", "253", 17, false);
                requireNoQualifier(subject, qualifier, type);
                break;
            case SGCN:
                requireNumericKey(subject, prefixOf(key, 13), 13, "GCN");
                String couponSerial = key.substring(13);
                if (couponSerial.length() > 12 || (!couponSerial.isEmpty() && !CheckDigit.isDigits(couponSerial))) {
                    throw fail(subject, key, "GCN serial '" + couponSerial + "' must be up to 12 digits (AI 255)");
                }
                requireNoQualifier(subject, qualifier, type);
                break;
            case GSRN:
            case GSRNP:
                requireNumericKey(subject, key, 18, "GSRN");
                requireNoQualifier(subject, qualifier, type);
                break;
            case GSIN:
                requireNumericKey(subject, key, 17, "GSIN");
                requireNoQualifier(subject, qualifier, type);
                break;
            case GIAI:
                requireText(subject, key, "GIAI", "8004", 30, true);
                requireNoQualifier(subject, qualifier, type);
                break;
            case GINC:
                requireText(subject, key, "GINC", "401", 30, true);
                requireNoQualifier(subject, qualifier, type);
                break;
            case CPI:
                requireSet39(subject, key, "CPID", "8010", 30);
                if (qualifier == null || qualifier.isEmpty() || qualifier.length() > 12 || !CheckDigit.isDigits(qualifier)) {
                    throw fail(subject, qualifier, "CPI serial (AI 8011) must be 1 to 12 digits, was '" + qualifier + "'");
                }
                break;
            case ITIP:
                requireNumericKey(subject, prefixOf(key, 14), 14, "GTIN");
                if (key.length() != 18 || !CheckDigit.isDigits(key)) {
                    throw fail(subject, key, "AI 8006 must be 18 digits (GTIN-14, piece number, total pieces), was '" + key + "'");
                }
                int piece = Integer.parseInt(key.substring(14, 16));
                int total = Integer.parseInt(key.substring(16, 18));
                if (piece < 1 || total < 1 || piece > total) {
                    throw fail(subject, key, "ITIP piece " + piece + " of " + total + " is not a valid piece number");
                }
                requireText(subject, qualifier, "serial", "21", 20, true);
                break;
            default:
                throw new IllegalStateException("unhandled key type " + type);
        }
        if (companyPrefixLength != 0) {
            requireCompanyPrefix(type, key, companyPrefixLength, subject);
        }
        return qualifier;
    }

    /**
     * True when a company prefix of {@code length} digits fits this key. Lengths looked up in configuration are only
     * guesses for an identifier, so a misfit leaves the prefix unknown instead of rejecting a valid key.
     */
    static boolean companyPrefixFits(Gs1KeyType type, String key, int length) {
        if (length < 6 || length > 12) {
            return false;
        }
        int offset = type.companyPrefixOffset();
        int needed = offset + length + (type.companyPrefixAndReferenceDigits() < 0 ? 1 : 0);
        return key.length() >= needed && CheckDigit.isDigits(key.substring(offset, offset + length));
    }

    private static void requireCompanyPrefix(Gs1KeyType type, String key, int length, String subject) {
        if (length < 6 || length > 12) {
            throw fail(subject, key, "company prefix length " + length + " is outside 6..12");
        }
        int offset = type.companyPrefixOffset();
        // Fixed-structure keys always have room for 6..12 prefix digits; the alphanumeric ones need a reference after it.
        if (offset + length >= key.length() + (type.companyPrefixAndReferenceDigits() < 0 ? 0 : 1)) {
            throw fail(subject, key, "company prefix of " + length + " digits leaves no room for the reference");
        }
        String prefix = key.substring(offset, offset + length);
        if (!CheckDigit.isDigits(prefix)) {
            throw fail(subject, key, "company prefix '" + prefix + "' (" + length + " characters) must be digits");
        }
    }

    private static String prefixOf(String key, int length) {
        return key.length() >= length ? key.substring(0, length) : key;
    }

    private static void requireNumericKey(String subject, String digits, int length, String name) {
        if (digits.length() != length || !CheckDigit.isDigits(digits)) {
            throw fail(subject, digits, name + " '" + digits + "' must be " + length + " digits");
        }
        int expected = CheckDigit.compute(digits.substring(0, length - 1));
        int actual = digits.charAt(length - 1) - '0';
        if (expected != actual) {
            throw fail(subject, digits, name + " check digit of " + digits + " is " + actual + ", expected " + expected);
        }
    }

    /** Validates an AI-82 text value such as a serial or lot. */
    static void requireText(String subject, String value, String name, String ai, int maxLength, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw fail(subject, value, name + " (AI " + ai + ") is missing");
            }
            return;
        }
        if (value.length() > maxLength) {
            throw fail(subject, value, name + " '" + value + "' has " + value.length() + " characters, GS1 AI " + ai
                    + " allows at most " + maxLength);
        }
        int bad = Gs1Characters.firstOutsideSet82(value);
        if (bad >= 0) {
            throw fail(subject, value, name + " contains character " + Gs1Characters.describe(value.charAt(bad))
                    + " not allowed in GS1 AI " + ai);
        }
    }

    private static void requireSet39(String subject, String value, String name, String ai, int maxLength) {
        if (value.length() > maxLength) {
            throw fail(subject, value, name + " '" + value + "' has " + value.length() + " characters, GS1 AI " + ai
                    + " allows at most " + maxLength);
        }
        int bad = Gs1Characters.firstOutsideSet39(value);
        if (bad >= 0) {
            throw fail(subject, value, name + " contains character " + Gs1Characters.describe(value.charAt(bad))
                    + " not allowed in GS1 AI " + ai + " (digits, capital letters, # - /)");
        }
    }

    private static void requireNoQualifier(String subject, String qualifier, Gs1KeyType type) {
        if (qualifier != null && !qualifier.isEmpty()) {
            throw fail(subject, qualifier, type + " takes no serial, lot or extension, got '" + qualifier + "'");
        }
    }

    private static String keyName(Gs1KeyType type) {
        switch (type) {
            case SGTIN:
            case LGTIN:
            case GTIN:
            case UPUI:
                return "GTIN";
            case SGLN:
            case PGLN:
                return "GLN";
            default:
                return type.name();
        }
    }

    static Gs1IdentifierException fail(String subject, String input, String problem) {
        return new Gs1IdentifierException(subject, input, problem);
    }
}
