package org.pharmatrace.hub.channel.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.deadletter.DeadLetter;
import org.pharmatrace.hub.deadletter.DeadLetterPayload;
import org.pharmatrace.hub.deadletter.DeadLetterReprocessor;
import org.pharmatrace.hub.deadletter.ReprocessingRefusedException;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.mapping.PartnerFormatException;
import org.springframework.stereotype.Component;

/**
 * {@code POST /dlq/{id}/reprocess} of a refused SFTP file (serial CSV or EPCIS): the file (the corrected one sent
 * with the call, else the refused one from the DLQ or the document store) is copied to the work directory and goes
 * through the same steps as a file from the partner folder — kept, read through, ingested, remembered — with the
 * partner folder's settings of today. Refused again, it keeps the reason a polled file would get.
 */
@Component
public class SftpDeadLetterReprocessor implements DeadLetterReprocessor {

    private final PartnerFolders folders;
    private final PartnerFiles files;
    private final PartnerFileIngest ingest;
    private final ProcessedFiles processed;
    private final Path workDirectory;

    public SftpDeadLetterReprocessor(PartnerFolders folders, PartnerFiles files, PartnerFileIngest ingest,
                                     ProcessedFiles processed, SftpChannelProperties properties) {
        this.folders = folders;
        this.files = files;
        this.ingest = ingest;
        this.processed = processed;
        this.workDirectory = properties.workDirectory().resolve(".reprocessing");
    }

    @Override
    public String channel() {
        return PartnerFileIngest.CHANNEL;
    }

    @Override
    public CaptureJob reprocess(DeadLetter entry, TradingPartner partner, DeadLetterPayload payload)
            throws IOException {
        PartnerFolders.Setup folder = folders.of(partner.id()).orElseThrow(() -> new IllegalStateException(
                "partner " + partner.id() + " has no SFTP folder any more (hub.channels.sftp.partners)"));
        String name = PartnerFileRejections.fileName(entry).orElse("dead letter " + entry.id());
        Path local = Files.createTempFile(Files.createDirectories(workDirectory), "reprocess-", ".file");
        try {
            try (InputStream content = payload.open()) {
                Files.copy(content, local, StandardCopyOption.REPLACE_EXISTING);
            }
            PartnerFile file = files.takeIn(folder, name, local);
            try {
                files.refuseEmptyOrTooLarge(file);
                if (!payload.corrected() && entry.sourceDocument() != null && file.sha256().equals(entry.documentSha256())) {
                    file.kept(entry.sourceDocument());    // the same bytes are stored already
                } else {
                    files.keep(file);
                }
                CaptureJob job = ingest.readThroughAndIngest(file);
                if (job.acceptedCount() > 0) {
                    processed.record(file, job.captureId());
                }
                return job;
            } catch (PartnerFileRejectedException | PartnerFormatException | EpcisFormatException e) {
                PartnerFileRejectedException rejection = PartnerFileRejections.rejection(e);
                throw new ReprocessingRefusedException(rejection.stage(), PartnerFileRejections.reason(name, rejection),
                        PartnerFileRejections.problems(rejection));
            }
        } finally {
            Files.deleteIfExists(local);
        }
    }
}
