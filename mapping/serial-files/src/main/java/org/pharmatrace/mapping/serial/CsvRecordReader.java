package org.pharmatrace.mapping.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.mapping.PartnerFormatException;

/**
 * Reads RFC 4180 records one at a time from UTF-8 text: optional byte order mark, LF, CRLF or CR line ends, quoted
 * fields with doubled quotes. Only the current record is in memory, and a field is capped in length so that an
 * unterminated quote cannot pull the rest of a large file into one string.
 */
final class CsvRecordReader {

    static final int MAX_FIELD_LENGTH = 1024;

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private boolean bomChecked;
    /** Physical line of the next character to read. */
    private int line = 1;
    private int recordLine;

    CsvRecordReader(InputStream bytes, char delimiter) {
        this.in = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        this.delimiter = delimiter;
    }

    /** The physical line (1-based) on which the record last returned by {@link #next()} starts. */
    int recordLine() {
        return recordLine;
    }

    /**
     * The next record's fields, or {@code null} at the end of the input. An empty line comes back as one empty field.
     *
     * @throws PartnerFormatException for text that is not UTF-8, an unterminated quote or an oversized field
     */
    List<String> next() {
        int c = read();
        if (c == EOF) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder(32);
        while (true) {
            if (c == '"' && field.length() == 0) {
                c = readQuoted(field);
            } else {
                while (c != EOF && c != delimiter && c != '\n' && c != '\r') {
                    append(field, (char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == delimiter) {
                c = read();
                continue;
            }
            endLine(c);
            return fields;
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder field) {
        int startLine = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new PartnerFormatException("line " + startLine, "UNTERMINATED_QUOTE",
                        "a quoted field is not closed before the end of the file");
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    if (after != EOF && after != delimiter && after != '\n' && after != '\r') {
                        throw new PartnerFormatException("line " + line, "MALFORMED_QUOTE",
                                "unexpected " + describe(after) + " after the closing quote of a field; a quote inside a "
                                        + "quoted field must be doubled (\"\")");
                    }
                    return after;
                }
            } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            append(field, (char) c);
        }
    }

    private void endLine(int c) {
        if (c == '\r') {
            if (peek() == '\n') {
                read();
            }
            line++;
        } else if (c == '\n') {
            line++;
        }
    }

    private void append(StringBuilder field, char c) {
        if (field.length() >= MAX_FIELD_LENGTH) {
            throw new PartnerFormatException("line " + recordLine, "FIELD_TOO_LONG",
                    "a field is longer than " + MAX_FIELD_LENGTH + " characters (an unterminated quote?)");
        }
        field.append(c);
    }

    private int read() {
        int c = peek();
        if (c != EOF) {
            position++;
        }
        return c;
    }

    private int peek() {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() {
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            if (!bomChecked) {
                bomChecked = true;
                if (buffer[0] == '\uFEFF') {
                    position = 1;
                    return position < limit || fill();
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            throw new PartnerFormatException("line " + line, "WRONG_ENCODING",
                    "the file is not UTF-8 text (malformed byte sequence)");
        } catch (IOException e) {
            throw new PartnerFormatException("line " + line, "READ_FAILED", "reading the file failed: " + e.getMessage(), e);
        }
    }

    private static String describe(int c) {
        return c < 0x20 || c == 0x7f ? String.format("character U+%04X", c) : "'" + (char) c + "'";
    }
}
