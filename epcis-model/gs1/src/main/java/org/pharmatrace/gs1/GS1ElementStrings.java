package org.pharmatrace.gs1;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads GS1 element strings as scanned from 2D barcodes (GS1 DataMatrix, GS1 QR Code, GS1-128): either the
 * human-readable form with AIs in parentheses, "(01)00312345678906(21)ABC(17)270331(10)LOT1", or the raw
 * transmitted data with FNC1 as ASCII GS (0x1D), optionally behind a symbology identifier such as "]d2".
 * Every value is checked against its AI (check digits, dates, character set, length).
 */
public final class GS1ElementStrings {

    /** ASCII group separator: how a scanner transmits FNC1 used as a separator. */
    public static final char GS = '\u001D';

    /** Symbology identifiers that announce GS1 data: GS1-128, GS1 DataBar, GS1 DataMatrix, GS1 QR Code, GS1 DotCode. */
    private static final Set<String> GS1_SYMBOLOGY_IDS = Set.of("]C1", "]e0", "]e1", "]e2", "]d2", "]Q3", "]J1");

    private GS1ElementStrings() {
    }

    /** Parses with dates resolved against the current year. */
    public static ElementString parse(String data) {
        return parse(data, Year.now().getValue());
    }

    /**
     * Parses with two-digit years resolved against {@code currentYear} (GS1 sliding window).
     *
     * @throws Gs1IdentifierException naming the position and AI when the data is malformed
     */
    public static ElementString parse(String data, int currentYear) {
        if (data == null || data.isBlank()) {
            throw new Gs1IdentifierException("GS1 element string", String.valueOf(data), "empty");
        }
        String subject = "GS1 element string " + printable(data);
        String text = data.strip();
        if (text.startsWith("]")) {
            String id = text.length() >= 3 ? text.substring(0, 3) : text;
            if (!GS1_SYMBOLOGY_IDS.contains(id)) {
                throw new Gs1IdentifierException(subject, data, "symbology identifier " + id + " does not announce GS1 data");
            }
            text = text.substring(3);
        }
        while (!text.isEmpty() && text.charAt(0) == GS) {
            text = text.substring(1);
        }
        Map<String, String> values = text.startsWith("(")
                ? readBracketed(text, currentYear, subject, data)
                : readRaw(text, currentYear, subject, data);
        if (values.isEmpty()) {
            throw new Gs1IdentifierException(subject, data, "no element strings found");
        }
        return new ElementString(values);
    }

    private static Map<String, String> readRaw(String text, int currentYear, String subject, String input) {
        Map<String, String> values = new LinkedHashMap<>();
        int pos = 0;
        while (pos < text.length()) {
            int at = pos;
            ApplicationIdentifier ai = ApplicationIdentifiers.atStartOf(text, at).orElseThrow(() -> new Gs1IdentifierException(
                    subject, input, "no known GS1 AI at position " + (at + 1) + " ('" + printable(snippet(text, at)) + "')"));
            int start = pos + ai.ai().length();
            int length = ApplicationIdentifiers.predefinedDataLength(ai.ai());
            if (length < 0) {
                length = ai.fixedLength();
            }
            int end;
            if (length >= 0) {
                end = start + length;
                if (end > text.length()) {
                    throw new Gs1IdentifierException(subject, input, "AI (" + ai.ai() + ") " + ai.title() + " needs "
                            + length + " characters, only " + (text.length() - start) + " left");
                }
            } else {
                int gs = text.indexOf(GS, start);
                end = gs < 0 ? text.length() : gs;
            }
            put(values, ai, text.substring(start, end), currentYear, subject, input);
            pos = end;
            // A separator after a fixed-length field is tolerated: some printers put one after every field.
            if (pos < text.length() && text.charAt(pos) == GS) {
                pos++;
            }
        }
        return values;
    }

    private static Map<String, String> readBracketed(String text, int currentYear, String subject, String input) {
        Map<String, String> values = new LinkedHashMap<>();
        int pos = 0;
        while (pos < text.length()) {
            int close = text.indexOf(')', pos);
            if (text.charAt(pos) != '(' || close < 0) {
                throw new Gs1IdentifierException(subject, input, "expected '(AI)' at position " + (pos + 1));
            }
            String aiDigits = text.substring(pos + 1, close);
            ApplicationIdentifier ai = ApplicationIdentifiers.lookup(aiDigits).orElseThrow(() -> new Gs1IdentifierException(
                    subject, input, "(" + aiDigits + ") is not a known GS1 AI"));
            int start = close + 1;
            int length = ai.fixedLength();
            int end;
            if (length >= 0) {
                end = Math.min(start + length, text.length());
            } else {
                end = nextBracketedAi(text, start);
            }
            String value = text.substring(start, end).strip();
            put(values, ai, value, currentYear, subject, input);
            pos = end;
            while (pos < text.length() && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == GS)) {
                pos++;
            }
        }
        return values;
    }

    /** Where the next "(AI)" starts; a "(" inside a value (set 82 allows it) does not count unless a known AI follows. */
    private static int nextBracketedAi(String text, int from) {
        int search = from;
        while (true) {
            int open = text.indexOf('(', search);
            if (open < 0) {
                return text.length();
            }
            int close = text.indexOf(')', open);
            if (close > open + 2 && close <= open + 5) {
                String candidate = text.substring(open + 1, close);
                if (CheckDigit.isDigits(candidate) && ApplicationIdentifiers.lookup(candidate).isPresent()) {
                    return open;
                }
            }
            search = open + 1;
        }
    }

    private static void put(Map<String, String> values, ApplicationIdentifier ai, String value, int currentYear,
            String subject, String input) {
        AiValueRules.validate(ai, value, currentYear, subject, input);
        String previous = values.putIfAbsent(ai.ai(), value);
        if (previous != null && !previous.equals(value)) {
            throw new Gs1IdentifierException(subject, input, "AI (" + ai.ai() + ") appears twice with different values '"
                    + previous + "' and '" + value + "'");
        }
    }

    private static String snippet(String text, int pos) {
        return text.substring(pos, Math.min(text.length(), pos + 6));
    }

    /** Shows GS as &lt;GS&gt; so messages stay readable. */
    static String printable(String data) {
        return data.replace(String.valueOf(GS), "<GS>");
    }

    /** The known AI definition, for callers that present values. */
    public static Optional<ApplicationIdentifier> definition(String ai) {
        return ApplicationIdentifiers.lookup(ai);
    }
}
