package org.pharmatrace.mapping.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An HL7 v2 message in ER7 (pipe) encoding as text, before any parser sees it: MLLP framing removed, bytes decoded by
 * the character set MSH-18 names, segments separated by CR whatever line ends the sender used, and the MSH read by
 * hand — so that an ACK can be built even for input no parser accepts.
 */
final class Er7Message {

    private static final byte MLLP_START = 0x0B;
    private static final byte MLLP_END = 0x1C;

    private final String text;
    private final Header header;

    private Er7Message(String text, Header header) {
        this.text = text;
        this.header = header;
    }

    /** Segments separated by CR. */
    String text() {
        return text;
    }

    Header header() {
        return header;
    }

    /**
     * Decodes a message for mapping.
     *
     * @throws Hl7DispenseException (AR) for empty input, UTF-16/binary or XML-encoded input, an unsupported MSH-18
     *         character set, bytes that are not in that set, or a malformed MSH
     */
    static Er7Message decode(byte[] raw) {
        byte[] bytes = unframe(raw);
        if (bytes.length == 0) {
            throw new Hl7DispenseException(null, Hl7ErrorCode.EMPTY_MESSAGE, "the message is empty");
        }
        if ((bytes[0] == (byte) 0xFE && bytes.length > 1 && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes.length > 1 && bytes[1] == (byte) 0xFE) || indexOf(bytes, (byte) 0) >= 0) {
            throw new Hl7DispenseException(null, Hl7ErrorCode.WRONG_ENCODING, "the message is UTF-16, UTF-32 or binary; "
                    + "HL7 v2 ER7 text in ASCII, ISO 8859-1 or UTF-8 is expected");
        }
        int start = 0;
        boolean utf8Bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        if (utf8Bom) {
            start = 3;
        }
        if (bytes.length > start && bytes[start] == '<') {
            throw new Hl7DispenseException(null, Hl7ErrorCode.WRONG_ENCODING,
                    "the message is XML-encoded; the hub takes HL7 v2 in ER7 (pipe-delimited) encoding");
        }
        // MSH is ASCII in every character set HL7 allows here, so it can be read before the rest is decoded.
        String latin1 = new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        Header header = Header.parse(normaliseLineEnds(latin1));
        Charset charset = charsetOf(header, utf8Bom);
        String text;
        if (charset == StandardCharsets.ISO_8859_1) {
            text = latin1;
        } else {
            try {
                text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            } catch (CharacterCodingException e) {
                throw new Hl7DispenseException(Hl7Location.field("MSH", 1, 18), Hl7ErrorCode.WRONG_ENCODING,
                        "the message holds bytes that are not valid " + charset.name()
                                + (header.charset().isEmpty() ? " (MSH-18 is empty, so ASCII or UTF-8 is expected)"
                                : " (the character set MSH-18 names)"));
            }
        }
        return new Er7Message(normaliseLineEnds(text), header);
    }

    /** The MSH of whatever was received, or null when none can be read; never throws. For acknowledgements. */
    static Header headerOrNull(byte[] raw) {
        try {
            byte[] bytes = unframe(raw == null ? new byte[0] : raw);
            int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
            int end = Math.min(bytes.length, start + 4096);
            return Header.parse(normaliseLineEnds(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Charset charsetOf(Header header, boolean utf8Bom) {
        String name = header.charset().toUpperCase(Locale.ROOT);
        switch (name) {
            case "":
            case "ASCII":
            case "UNICODE UTF-8":
                return StandardCharsets.UTF_8;
            case "8859/1":
                return utf8Bom ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            default:
                throw new Hl7DispenseException(Hl7Location.field("MSH", 1, 18), Hl7ErrorCode.WRONG_ENCODING,
                        "character set '" + header.charset() + "' is not supported; use ASCII, 8859/1 or UNICODE UTF-8");
        }
    }

    private static byte[] unframe(byte[] raw) {
        int from = 0;
        int to = raw.length;
        while (from < to && (raw[from] == MLLP_START || isSpace(raw[from]))) {
            from++;
        }
        while (to > from && (raw[to - 1] == MLLP_END || isSpace(raw[to - 1]))) {
            to--;
        }
        return from == 0 && to == raw.length ? raw : Arrays.copyOfRange(raw, from, to);
    }

    private static boolean isSpace(byte b) {
        return b == '\r' || b == '\n' || b == ' ' || b == '\t';
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** CR between segments, whatever the sender used; no empty segments. */
    private static String normaliseLineEnds(String text) {
        String crOnly = text.replace("\r\n", "\r").replace('\n', '\r');
        StringBuilder out = new StringBuilder(crOnly.length());
        for (String segment : crOnly.split("\r")) {
            if (!segment.isBlank()) {
                if (out.length() > 0) {
                    out.append('\r');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }

    /**
     * The MSH segment read by hand. Field numbers are HL7's: MSH-1 is the field separator, MSH-2 the encoding
     * characters, MSH-3 the sending application, and so on.
     */
    record Header(char fieldSeparator, String encodingCharacters, List<String> fields) {

        /** @throws Hl7DispenseException (AR, BAD_MSH) when the text does not start with a well-formed MSH */
        static Header parse(String text) {
            if (!text.startsWith("MSH") || text.length() < 8) {
                throw new Hl7DispenseException(Hl7Location.segment("MSH", 1), Hl7ErrorCode.BAD_MSH,
                        "the message does not start with an MSH segment");
            }
            char separator = text.charAt(3);
            if (Character.isLetterOrDigit(separator) || Character.isWhitespace(separator)) {
                throw new Hl7DispenseException(Hl7Location.field("MSH", 1, 1), Hl7ErrorCode.BAD_MSH,
                        "MSH-1 field separator " + describe(separator) + " is not a delimiter character");
            }
            int end = text.indexOf('\r');
            String msh = end < 0 ? text : text.substring(0, end);
            List<String> fields = new ArrayList<>();
            fields.add(String.valueOf(separator));
            int from = 4;
            while (true) {
                int next = msh.indexOf(separator, from);
                fields.add(next < 0 ? msh.substring(from) : msh.substring(from, next));
                if (next < 0) {
                    break;
                }
                from = next + 1;
            }
            String encoding = fields.get(1);
            boolean distinct = encoding.chars().distinct().count() == encoding.length();
            if (encoding.length() < 4 || encoding.length() > 5 || !distinct || encoding.indexOf(separator) >= 0
                    || encoding.chars().anyMatch(c -> Character.isLetterOrDigit(c) || Character.isWhitespace(c))) {
                throw new Hl7DispenseException(Hl7Location.field("MSH", 1, 2), Hl7ErrorCode.BAD_MSH,
                        "MSH-2 encoding characters must be four distinct delimiters such as ^~\\&");
            }
            return new Header(separator, encoding, List.copyOf(fields));
        }

        /** A field's raw text (still escaped), "" when absent. */
        String field(int number) {
            return number >= 1 && number <= fields.size() ? fields.get(number - 1) : "";
        }

        /** The first repetition's component of a field, raw, "" when absent. */
        String component(int field, int component) {
            String value = field(field);
            int rep = value.indexOf(repetitionSeparator());
            if (rep >= 0) {
                value = value.substring(0, rep);
            }
            String[] parts = value.split(java.util.regex.Pattern.quote(String.valueOf(componentSeparator())), -1);
            return component <= parts.length ? parts[component - 1] : "";
        }

        char componentSeparator() {
            return encodingCharacters.charAt(0);
        }

        char repetitionSeparator() {
            return encodingCharacters.charAt(1);
        }

        char escapeCharacter() {
            return encodingCharacters.charAt(2);
        }

        char subcomponentSeparator() {
            return encodingCharacters.charAt(3);
        }

        String messageCode() {
            return component(9, 1).strip();
        }

        String triggerEvent() {
            return component(9, 2).strip();
        }

        String controlId() {
            return field(10).strip();
        }

        String processingId() {
            return component(11, 1).strip();
        }

        String version() {
            return component(12, 1).strip();
        }

        String charset() {
            return component(18, 1).strip();
        }

        private static String describe(char c) {
            return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
        }
    }
}
