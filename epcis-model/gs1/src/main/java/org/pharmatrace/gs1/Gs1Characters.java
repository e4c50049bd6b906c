package org.pharmatrace.gs1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Character sets of GS1 data (AI encodable sets 82 and 39) and the two percent-encodings that carry them:
 * the EPC URN escapes of the Tag Data Standard and the path-segment encoding of GS1 Digital Link. The set-82 checks
 * are public so that mappings and the chaincode judge serials and lots exactly as the GS1 key rules do.
 */
public final class Gs1Characters {

    /** Punctuation of GS1 AI encodable character set 82 (besides digits and Latin letters). */
    private static final String SET_82_PUNCTUATION = "!\"%&'()*+,-./:;<=>?_";

    /**
     * Characters the TDS requires to be %-escaped in an EPC URN: they are not valid in an RFC 2141 URN
     * ('#' appears only in CPI, which uses set 39).
     */
    private static final String URN_ESCAPED = "\"%&/<>?#";

    /**
     * Characters of set 82/39 that a canonical Digital Link percent-encodes. The list follows the GS1 Digital Link
     * table of characters to encode; ' ; = stay literal, which is also what the EPCIS Event Hash ID reference vectors
     * (CBV 2.0 §8.9) expect, so hashes computed over our Digital Links match them.
     */
    private static final String DIGITAL_LINK_ENCODED = "!\"#%&()*+,/:<>?";

    private Gs1Characters() {
    }

    /** Whether the character belongs to GS1 AI encodable character set 82 (serials, lots, GLN extensions). */
    public static boolean isSet82(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || SET_82_PUNCTUATION.indexOf(c) >= 0;
    }

    static boolean isSet39(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '#' || c == '-' || c == '/';
    }

    /** Whether every character of the value belongs to set 82 (true for the empty string: length is a separate rule). */
    public static boolean isSet82(String value) {
        return firstOutsideSet82(value) < 0;
    }

    /** Index of the first character outside set 82, or -1. */
    public static int firstOutsideSet82(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isSet82(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first character outside set 39, or -1. */
    static int firstOutsideSet39(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isSet39(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Shows a character readably in error messages: quoted when printable, as U+XXXX when it is a control character
     * (GS is U+001D), white space or outside ASCII, which a reader could not tell apart from a look-alike.
     */
    public static String describe(char c) {
        if (c < 0x20 || c >= 0x7f || Character.isWhitespace(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    /** Escapes a set-82/39 value for an EPC URN component. */
    static String urnEncode(String value) {
        return encode(value, URN_ESCAPED);
    }

    /** Escapes a set-82/39 value for a canonical GS1 Digital Link path segment. */
    static String digitalLinkEncode(String value) {
        return encode(value, DIGITAL_LINK_ENCODED);
    }

    private static String encode(String value, String toEscape) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean escape = toEscape.indexOf(c) >= 0 || c <= 0x20 || c >= 0x7f;
            if (escape && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                if (escape) {
                    for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                                .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                    }
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * Decodes %XX escapes (UTF-8). Used for both URN components and Digital Link segments.
     *
     * @throws IllegalArgumentException with a short reason when an escape is malformed
     */
    static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException("incomplete percent escape at position " + (i + 1));
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException(
                            "malformed percent escape '" + value.substring(i, i + 3) + "' at position " + (i + 1));
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
