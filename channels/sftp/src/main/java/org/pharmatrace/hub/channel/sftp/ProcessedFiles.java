package org.pharmatrace.hub.channel.sftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.observability.IngestMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The channel's idempotent repository: which file contents each partner has had processed, by content SHA-256,
 * one small file per content under {@code <state-directory>/processed/<partner>/<sha256>} (it survives restarts and
 * needs no memory per entry). A content is recorded only once it has been ingested, so a refused file sent again
 * is checked again; the same bytes under another name (or the same name again) are not ingested twice. The hub's
 * own capture-level dedupe (same partner, same SHA-256) stands behind it.
 */
@Component
public class ProcessedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessedFiles.class);

    private final Path directory;
    private final IngestMetrics metrics;

    public ProcessedFiles(SftpChannelProperties properties, IngestMetrics metrics) {
        this.directory = properties.stateDirectory().resolve("processed");   // created with its first entry
        this.metrics = metrics;
    }

    /** Whether this partner's file content was processed before; the earlier record is logged. */
    public boolean isProcessed(Exchange exchange) throws IOException {
        PartnerFile file = PartnerFiles.file(exchange);
        Path entry = entry(file);
        if (!Files.exists(entry)) {
            return false;
        }
        metrics.document(file.partnerId(), PartnerFileIngest.CHANNEL, "duplicate");
        LOG.info("{}: same content as processed before ({}); not processed again",
                file, Files.readString(entry, StandardCharsets.UTF_8).strip());
        return true;
    }

    /** Records the content as processed, with the capture it became. */
    public void remember(Exchange exchange) throws IOException {
        CaptureJob job = exchange.getMessage().getBody(CaptureJob.class);
        record(PartnerFiles.file(exchange), job == null ? "?" : job.captureId());
    }

    void record(PartnerFile file, String captureId) throws IOException {
        Path entry = entry(file);
        Files.createDirectories(entry.getParent());
        Path partial = Files.createTempFile(entry.getParent(), ".entry-", ".part");
        try {
            Files.writeString(partial, "file " + file.name() + ", capture " + captureId
                    + ", processed " + Instant.now() + "\n", StandardCharsets.UTF_8);
            Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The capture a partner's content became, if it was processed ({@code null} otherwise); for tests and operators. */
    public String captureOf(String partnerId, String sha256) throws IOException {
        Path entry = directory.resolve(partnerId).resolve(sha256);
        if (!Files.exists(entry)) {
            return null;
        }
        String text = Files.readString(entry, StandardCharsets.UTF_8);
        int at = text.indexOf("capture ");
        return at < 0 ? null : text.substring(at + 8, text.indexOf(',', at));
    }

    private Path entry(PartnerFile file) {
        return directory.resolve(file.partnerId()).resolve(file.sha256());
    }
}
