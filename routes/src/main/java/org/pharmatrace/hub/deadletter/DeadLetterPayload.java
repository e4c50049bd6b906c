package org.pharmatrace.hub.deadletter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.pharmatrace.hub.documents.OriginalDocumentStore;

/**
 * What a dead letter is reprocessed with: the corrected payload sent with the reprocess call, else the entry's own,
 * inline or, when it was too large for the DLQ record, its stored original (read as a stream, never all in memory).
 */
public final class DeadLetterPayload {

    private final DeadLetter entry;
    private final byte[] correction;
    private final OriginalDocumentStore documents;

    DeadLetterPayload(DeadLetter entry, byte[] correction, OriginalDocumentStore documents) {
        this.entry = entry;
        this.correction = correction;
        this.documents = documents;
    }

    /** Whether the caller sent a corrected payload. */
    public boolean corrected() {
        return correction != null;
    }

    /** The content, from its first byte; the caller closes it. */
    public InputStream open() throws IOException {
        if (correction != null) {
            return new ByteArrayInputStream(correction);
        }
        if (entry.payload() != null) {
            return new ByteArrayInputStream("base64".equals(entry.payloadEncoding())
                    ? Base64.getDecoder().decode(entry.payload()) : entry.payload().getBytes(StandardCharsets.UTF_8));
        }
        if (entry.sourceDocument() == null) {
            throw new IOException("dead letter " + entry.id() + " has neither a payload nor a stored original");
        }
        return documents.open(entry.sourceDocument());
    }

    /** The whole content, for formats that are small by nature (an HL7 message). */
    public byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }
}
