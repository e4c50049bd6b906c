package org.pharmatrace.hub.attachments;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.pharmatrace.connectors.ipfs.kubo.KuboUnavailableException;
import org.pharmatrace.hub.attachments.LimitedInputStream.TooLargeException;
import org.pharmatrace.hub.attachments.MultipartFormData.MalformedMultipartException;
import org.pharmatrace.hub.documents.OriginalDocumentStore;
import org.pharmatrace.hub.documents.OriginalDocumentStore.StoredContent;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.CaptureRejectedException;
import org.pharmatrace.hub.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps attachments in the hub's document store (on IPFS: encrypted under a data key of their own, wrapped by the
 * hub's key-encryption key, while they stream in) and gives them back only as they were sent: the SHA-256 the
 * record holds is checked before anything is answered, and again as the answer streams out.
 */
@Component
public class AttachmentStore {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentStore.class);

    private final OriginalDocumentStore store;
    private final AttachmentRecords records;

    public AttachmentStore(OriginalDocumentStore store, AttachmentRecords records) {
        this.store = store;
        this.records = records;
    }

    /**
     * Stores a file as it is read and records it for its sender's organisation.
     *
     * @param content read to its end (not closed); empty content is refused (400), more than {@code maxBytes} too (413)
     * @param captureId the capture it comes with, or null
     * @param part its part name in that capture, or null
     */
    Attachment keep(InputStream content, long maxBytes, String mediaType, String filename, TradingPartner partner,
                    String captureId, String part) {
        String what = part == null ? "the attachment" : "the attachment in part '" + part + "'";
        StoredContent stored;
        try {
            PushbackInputStream in = new PushbackInputStream(new SenderStream(content), 1);
            int first = in.read();
            if (first < 0) {
                throw refused(400, Problem.VALIDATION, "Empty attachment", what + " has no content: send the file");
            }
            in.unread(first);
            stored = store.store(new LimitedInputStream(in, maxBytes, "Attachment too large", what + " is larger "
                    + "than this hub takes: attachments of up to " + maxBytes + " bytes (hub.attachments.max-size)"),
                    mediaType);
        } catch (CaptureRejectedException e) {
            throw e;
        } catch (TooLargeException e) {
            throw refused(413, Problem.CAPTURE_LIMIT, e.title(), e.getMessage());
        } catch (MalformedMultipartException e) {
            throw refused(400, Problem.VALIDATION, "Malformed multipart body", e.getMessage());
        } catch (SenderStreamException e) {
            throw refused(400, Problem.VALIDATION, "Incomplete body", what + " could not be read to its end ("
                    + e.getCause().getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not store {}: {}", what, e.toString());
            throw refused(503, Problem.IMPLEMENTATION, "Document store unavailable", what + " could not be stored ("
                    + e.getMessage() + "); nothing was kept, send it again later");
        }
        Attachment attachment = new Attachment(Attachment.idOf(stored.reference()), stored.reference(),
                stored.sha256(), stored.size(), mediaType, filename, partner.id(), List.of(partner.organisation()),
                captureId, part, Instant.now(), 0);
        Attachment recorded = records.record(attachment);
        LOG.info("attachment {} kept: {} bytes of {}{}", recorded.uri(), recorded.size(), mediaType,
                captureId == null ? "" : " for capture " + captureId + " part " + part);
        return recorded;
    }

    /**
     * Reads the attachment back once, to its end, and checks that it is what was sent: refused with 502 naming it
     * when the store's bytes do not decrypt, do not verify against their CID, or are not the recorded SHA-256.
     */
    void verify(Attachment attachment) {
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(store.open(attachment.uri()), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
            }
        } catch (KuboUnavailableException e) {
            throw refused(503, Problem.IMPLEMENTATION, "Document store unavailable", "attachment " + attachment.id()
                    + " cannot be read now (" + e.getMessage() + "); ask again later");
        } catch (IOException | RuntimeException e) {
            LOG.error("attachment {} cannot be read back: {}", attachment.uri(), e.toString());
            throw refused(502, Problem.IMPLEMENTATION, "Attachment does not verify", "attachment " + attachment.id()
                    + " (" + attachment.uri() + ") cannot be read back as it was stored: " + e.getMessage());
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (!sha256.equalsIgnoreCase(attachment.sha256()) || size != attachment.size()) {
            LOG.error("attachment {} does not verify: SHA-256 {} ({} bytes), recorded {} ({} bytes)", attachment.uri(),
                    sha256, size, attachment.sha256(), attachment.size());
            throw refused(502, Problem.IMPLEMENTATION, "Attachment does not verify", "attachment " + attachment.id()
                    + " (" + attachment.uri() + ") decrypts to " + size + " bytes with SHA-256 " + sha256
                    + ", but was sent as " + attachment.size() + " bytes with SHA-256 " + attachment.sha256()
                    + "; it is not answered");
        }
    }

    /** The attachment's content, checked once more against its SHA-256 as it is read: a difference fails the read. */
    InputStream open(Attachment attachment) throws IOException {
        return new VerifyingStream(store.open(attachment.uri()), attachment);
    }

    static CaptureRejectedException refused(int status, String type, String title, String detail) {
        return new CaptureRejectedException(Problem.of(status, type, title, detail), null, List.of());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Tells the sender's failures (a dropped connection) from the store's. */
    private static final class SenderStream extends FilterInputStream {

        SenderStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (TooLargeException | MalformedMultipartException e) {
                throw e;
            } catch (IOException e) {
                throw new SenderStreamException(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (TooLargeException | MalformedMultipartException e) {
                throw e;
            } catch (IOException e) {
                throw new SenderStreamException(e);
            }
        }

        @Override
        public void close() {
            // the caller's stream
        }
    }

    private static final class SenderStreamException extends IOException {

        SenderStreamException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Fails at the end of the content if it is not the recorded SHA-256 and size. */
    private static final class VerifyingStream extends DigestInputStream {

        private final Attachment attachment;
        private long size;
        private boolean checked;

        VerifyingStream(InputStream in, Attachment attachment) {
            super(in, sha256());
            this.attachment = attachment;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                check();
            } else {
                size++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                check();
            } else {
                size += n;
            }
            return n;
        }

        private void check() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            String sha256 = HexFormat.of().formatHex(getMessageDigest().digest());
            if (!sha256.equalsIgnoreCase(attachment.sha256()) || size != attachment.size()) {
                throw new IOException("attachment " + attachment.id() + " changed while it was answered: SHA-256 "
                        + sha256 + " instead of " + attachment.sha256());
            }
        }
    }
}
