package org.pharmatrace.hub.attachments;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream on until more than a limit has been read, then fails with {@link TooLargeException}, so that a
 * body without a Content-Length (chunked) is refused as soon as it is too large instead of after it was read.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String title;
    private final String detail;
    private long count;

    /**
     * @param title the refusal's title, e.g. "Attachment too large"
     * @param detail what it says, e.g. "attachments are limited to 25 MB (hub.attachments.max-size)"
     */
    LimitedInputStream(InputStream in, long limit, String title, String detail) {
        super(in);
        this.limit = limit;
        this.title = title;
        this.detail = detail;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        // Never more than one byte beyond the limit, so that a body of exactly the limit passes.
        long room = limit - count + 1;
        int n = super.read(target, offset, (int) Math.min(length, Math.max(1, room)));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - count + 1));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws TooLargeException {
        count += n;
        if (count > limit) {
            throw new TooLargeException(title, detail);
        }
    }

    /** The content went over its limit; nothing of it is kept. */
    static final class TooLargeException extends IOException {

        private final String title;

        TooLargeException(String title, String detail) {
            super(detail);
            this.title = title;
        }

        String title() {
            return title;
        }
    }
}
