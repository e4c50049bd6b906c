package org.pharmatrace.hub.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A {@code multipart/form-data} body (RFC 7578) read as it arrives, one part at a time. A part's body is read
 * straight from the request, never held whole, so a file can go into the store while it is being received and
 * nothing of it is written anywhere else. Reading the next part skips what is left of the current one.
 */
final class MultipartFormData {

    /** The header block of one part (Content-Disposition, Content-Type) may not be longer. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

    private final InputStream in;
    /** CRLF "--" boundary: what separates parts. */
    private final byte[] delimiter;
    private final byte[] buffer = new byte[64 * 1024];
    /** The unread bytes are buffer[start, end). */
    private int start;
    private int end;
    private boolean endOfInput;
    private boolean finished;
    private PartBody current;

    /** @param in the body after its HTTP headers; not closed here */
    MultipartFormData(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first boundary of a body need not follow a line break: one is put before the body, so that every
        // boundary, the first included, is found the same way.
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
    }

    /**
     * The boundary a Content-Type names: {@code multipart/form-data; boundary=...}.
     *
     * @throws MalformedMultipartException when the media type is not multipart/form-data or names no usable boundary
     */
    static String boundary(String contentType) throws MalformedMultipartException {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new MalformedMultipartException("Content-Type '" + contentType + "' is not a media type");
        }
        if (!MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type)) {
            throw new MalformedMultipartException("Content-Type '" + contentType + "' is not multipart/form-data");
        }
        String boundary = type.getParameter("boundary");
        if (boundary != null && boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(boundary)) {
            throw new MalformedMultipartException("the multipart/form-data Content-Type has no boundary of 1 to 70 "
                    + "ASCII characters");
        }
        return boundary;
    }

    /** The next part, or null after the last one. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            new PartBody().skip(); // the preamble, up to the first boundary
        } else {
            current.skip();
        }
        fill(2);
        if (startsWith(new byte[] {'-', '-'})) {
            finished = true; // the close delimiter; an epilogue after it means nothing
            current = null;
            return null;
        }
        // The boundary line may end in transport padding before its line break.
        while (true) {
            fill(1);
            if (end > start && (buffer[start] == ' ' || buffer[start] == '\t')) {
                start++;
            } else {
                break;
            }
        }
        fill(2);
        if (!startsWith(CRLF)) {
            throw new MalformedMultipartException("a boundary line does not end with CRLF");
        }
        // Headers run from here (the boundary line's CRLF included) to the first empty line.
        fill(MAX_HEADER_BYTES);
        int headersEnd = indexOf(END_OF_HEADERS, start, end);
        if (headersEnd < 0) {
            throw new MalformedMultipartException(endOfInput && end - start < MAX_HEADER_BYTES
                    ? "the body ends inside a part's headers"
                    : "a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
        }
        String headers = new String(buffer, start + 2, Math.max(0, headersEnd - start - 2), StandardCharsets.UTF_8);
        start = headersEnd + END_OF_HEADERS.length;
        current = new PartBody();
        return part(headers, current);
    }

    private static Part part(String headers, InputStream body) throws MalformedMultipartException {
        String disposition = null;
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedMultipartException("a part has a header line without a name: '" + line + "'");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                contentType = value;
            }
        }
        if (disposition == null) {
            throw new MalformedMultipartException("a part has no Content-Disposition header");
        }
        ContentDisposition parsed;
        try {
            parsed = ContentDisposition.parse(disposition);
        } catch (IllegalArgumentException e) {
            throw new MalformedMultipartException("a part's Content-Disposition '" + disposition + "' cannot be read: "
                    + e.getMessage());
        }
        if (!parsed.isFormData() || parsed.getName() == null) {
            throw new MalformedMultipartException("a part's Content-Disposition is not form-data with a name: '"
                    + disposition + "'");
        }
        return new Part(parsed.getName(), parsed.getFilename(), contentType, body);
    }

    /** Makes at least {@code wanted} unread bytes available, unless the body ends first. */
    private void fill(int wanted) throws IOException {
        if (end - start >= wanted || endOfInput) {
            return;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end - start < wanted && !endOfInput) {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                endOfInput = true;
            } else {
                end += read;
            }
        }
    }

    private boolean startsWith(byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte[] pattern, int from, int to) {
        outer:
        for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buffer[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * One part as it arrives.
     *
     * @param name the form field name
     * @param filename the file name the sender gave, or null
     * @param contentType the part's Content-Type header, or null
     * @param body the part's content, ending at the next boundary
     */
    record Part(String name, String filename, String contentType, InputStream body) {
    }

    /** The current part's content: the bytes up to the next delimiter, which it consumes. */
    private final class PartBody extends InputStream {

        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (done || current != this && current != null) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            fill(delimiter.length);
            int found = indexOf(delimiter, start, end);
            if (found == start) {
                start += delimiter.length;
                done = true;
                return -1;
            }
            int available;
            if (found >= 0) {
                available = found - start;
            } else if (endOfInput) {
                throw new MalformedMultipartException("the body ends before its closing boundary");
            } else {
                // The last bytes may be the beginning of a delimiter: they wait for what follows.
                available = end - start - (delimiter.length - 1);
            }
            int n = Math.min(length, available);
            System.arraycopy(buffer, start, target, offset, n);
            start += n;
            return n;
        }

        void skip() throws IOException {
            byte[] scratch = new byte[8192];
            while (read(scratch, 0, scratch.length) >= 0) {
                // discarded
            }
        }

        @Override
        public void close() {
            // the request's stream stays open for the parts after this one
        }
    }

    /** The body is not the multipart/form-data its Content-Type announces. */
    static final class MalformedMultipartException extends IOException {

        MalformedMultipartException(String message) {
            super(message);
        }
    }
}
