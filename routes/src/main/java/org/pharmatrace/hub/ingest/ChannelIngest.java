package org.pharmatrace.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.pharmatrace.hub.capture.CaptureError;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.capture.CaptureReception;
import org.pharmatrace.hub.documents.OriginalDocumentStore;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.pharmatrace.hub.partner.TradingPartner;
import org.springframework.stereotype.Component;

/**
 * The Java face of the ingest path for channel authors (AS2, SFTP, MLLP, ...): keep the partner's original, then
 * hand the mapped canonical events to {@code direct:ingest-canonical-events} and get the finished capture job.
 * A channel authenticates its partner its own way and names it by its configured id. See routes/README.md.
 */
@Component
public class ChannelIngest {

    private final ProducerTemplate producer;
    private final OriginalDocumentStore store;
    private final PartnerDirectory partners;

    public ChannelIngest(ProducerTemplate producer, OriginalDocumentStore store, PartnerDirectory partners) {
        this.producer = producer;
        this.store = store;
        this.partners = partners;
    }

    /** A stored original: its reference for {@link IngestRequest#sourceDocument()} and its SHA-256 for dedupe. */
    public record StoredOriginal(String reference, String sha256) {
    }

    /** The configured partner with this id; a channel that cannot name one must refuse the message itself. */
    public TradingPartner partner(String id) {
        return partners.byId(id).orElseThrow(() -> new IllegalArgumentException("no trading partner '" + id + "'"));
    }

    /** Keeps the original as it was received (an X12 file, an HL7 message ...), before anything is mapped. */
    public StoredOriginal keepOriginal(byte[] content, String mediaType) throws IOException {
        String sha256 = CaptureReception.sha256(content);
        return new StoredOriginal(store.store(content, sha256, mediaType), sha256);
    }

    /**
     * Keeps an original that is a file (an SFTP download, a large AS2 payload spooled to disk), streamed into the
     * store whatever its size. The store checks that what it read has this SHA-256 (a file changed meanwhile fails).
     */
    public StoredOriginal keepOriginal(Path file, String sha256, String mediaType) throws IOException {
        try (InputStream content = Files.newInputStream(file)) {
            return new StoredOriginal(store.store(content, sha256, mediaType), sha256);
        }
    }

    /** The same, for a file whose SHA-256 the channel has not computed: the file is read twice. */
    public StoredOriginal keepOriginal(Path file, String mediaType) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream content = new DigestInputStream(Files.newInputStream(file), digest)) {
            content.transferTo(OutputStream.nullOutputStream());
        }
        return keepOriginal(file, HexFormat.of().formatHex(digest.digest()), mediaType);
    }

    /**
     * Ingests the events and answers when all are published or dead-lettered. Invalid or unentitled events are in
     * the job's errors and in the DLQ; they do not make this method fail. It fails only when the hub itself could
     * not work (Kafka unreachable, the event source breaking mid-capture), in which case the channel should not
     * acknowledge its partner either: a {@link CaptureFailedException} when the job was opened and closed with the
     * failure (its document may then be sent again and is ingested anew), else an {@link IllegalStateException}.
     */
    public CaptureJob ingest(IngestRequest request) {
        Exchange result = producer.send("direct:ingest-canonical-events", exchange -> exchange.getIn().setBody(request));
        if (result.getException() != null) {
            throw new IllegalStateException("ingest failed: " + result.getException().getMessage(),
                    result.getException());
        }
        CaptureJob job = result.getMessage().getBody(CaptureJob.class);
        if (job.failedAsAWhole()) {
            throw new CaptureFailedException(job, job.errors().stream().filter(e -> e.eventIndex() < 0)
                    .map(CaptureError::detail).findFirst().orElse("unknown failure"));
        }
        return job;
    }
}
