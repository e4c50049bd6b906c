package org.pharmatrace.hub.channel.sftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.deadletter.DeadLetter;
import org.pharmatrace.hub.deadletter.DeadLetters;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.observability.IngestMetrics;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.EventProblem;
import org.pharmatrace.mapping.PartnerFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens to a refused partner file: it is kept in the dead-letter queue (the whole file, inline when small,
 * else by its stored original) and its {@code .reason} text is prepared, naming the location, the code and what is
 * wrong, for the error folder. If the DLQ cannot be written the failure stands and the file stays where it is.
 */
@Component
public class PartnerFileRejections {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerFileRejections.class);

    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final long maxInlinePayload;

    public PartnerFileRejections(DeadLetters deadLetters, IngestMetrics metrics, HubProperties hub) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.maxInlinePayload = hub.deadLetters().maxInlinePayload().toBytes();
    }

    /** Dead-letters the refused file; the body becomes the text of its {@code .reason} file. */
    public void deadLetter(Exchange exchange) throws IOException {
        PartnerFileRejectedException rejection = rejection(exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                Exception.class));
        PartnerFile file = PartnerFiles.file(exchange);
        String partnerId = exchange.getIn().getHeader(PartnerFileHeaders.PARTNER, String.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String entryId = rejection.captureId() != null ? null : deadLetterFile(file, rejection);
        metrics.document(partnerId, PartnerFileIngest.CHANNEL, "rejected");
        LOG.warn("{} from {} refused: {} ({}){}", name, partnerId, rejection.getMessage(), rejection.code(),
                entryId == null ? "" : "; dead letter " + entryId);

        StringBuilder reason = new StringBuilder()
                .append("file: ").append(name).append('\n')
                .append("location: ").append(rejection.location()).append('\n')
                .append("code: ").append(rejection.code()).append('\n')
                .append("message: ").append(rejection.detail()).append('\n');
        if (file != null) {
            reason.append("sha256: ").append(file.sha256()).append('\n');
        }
        if (entryId != null) {
            reason.append("dead letter: ").append(entryId).append('\n');
        }
        if (rejection.captureId() != null) {
            reason.append("capture: ").append(rejection.captureId()).append('\n');
        }
        reason.append("refused: ").append(Instant.now()).append('\n');
        exchange.getMessage().setBody(reason.toString());
    }

    private String deadLetterFile(PartnerFile file, PartnerFileRejectedException rejection) throws IOException {
        TradingPartner partner = file.folder().partner();
        String captureId = UUID.randomUUID().toString();
        String id = DeadLetters.documentEntryId(captureId);
        String payload = null;
        String encoding = null;
        if (file.size() <= maxInlinePayload) {
            byte[] content = Files.readAllBytes(file.localCopy());
            payload = utf8(content);
            encoding = payload != null ? "utf-8" : "base64";
            if (payload == null) {
                payload = Base64.getEncoder().encodeToString(content);
            }
        }
        Instant now = Instant.now();
        DeadLetter entry = new DeadLetter(id, DeadLetter.OPEN, rejection.stage(), reason(file.name(), rejection),
                problems(rejection), captureId, null,
                partner.id(), partner.organisation(), PartnerFileIngest.CHANNEL, payload, encoding,
                file.kind().mediaType(), file.originalReference(), file.sha256(), null, 1, now, now, null, 0);
        deadLetters.publish(entry);
        metrics.deadLettered(partner.id(), PartnerFileIngest.CHANNEL, rejection.stage());
        return id;
    }

    /** The entry's reason: the file's name first, then where, what and the code. */
    static String reason(String fileName, PartnerFileRejectedException rejection) {
        return fileName + ": " + rejection.getMessage() + " (" + rejection.code() + ")";
    }

    /** The file's name as {@link #reason} wrote it: a dead letter has no field of its own for it. */
    static Optional<String> fileName(DeadLetter entry) {
        String location = entry.problems().isEmpty() ? null : entry.problems().get(0).field();
        int end = location == null || entry.reason() == null ? -1 : entry.reason().indexOf(": " + location + ": ");
        return end > 0 ? Optional.of(entry.reason().substring(0, end)) : Optional.empty();
    }

    static List<EventProblem> problems(PartnerFileRejectedException rejection) {
        return List.of(new EventProblem(-1, null, rejection.location(),
                rejection.detail() + " (" + rejection.code() + ")"));
    }

    /** The refusal in the channel's terms, whichever reader or mapper raised it. */
    static PartnerFileRejectedException rejection(Exception failure) {
        if (failure instanceof PartnerFileRejectedException rejected) {
            return rejected;
        }
        if (failure instanceof PartnerFormatException format) {
            String message = format.getMessage();
            String location = format.location() == null ? "file" : format.location();
            return new PartnerFileRejectedException(location, format.code(),
                    message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message,
                    Stage.VALIDATION, null, format);
        }
        if (failure instanceof EpcisFormatException epcis) {
            return new PartnerFileRejectedException(epcis.eventIndex() >= 0 ? "event " + epcis.eventIndex() : "document",
                    "UNREADABLE_EPCIS", epcis.getMessage(), Stage.VALIDATION, null, epcis);
        }
        return new PartnerFileRejectedException("file", "UNREADABLE", String.valueOf(failure), Stage.VALIDATION,
                null, failure);
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
