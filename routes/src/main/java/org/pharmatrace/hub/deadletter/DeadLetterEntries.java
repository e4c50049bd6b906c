package org.pharmatrace.hub.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.capture.DocumentCapture;
import org.pharmatrace.hub.ingest.CanonicalEventRecords;
import org.pharmatrace.hub.observability.IngestMetrics;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.CaptureRejectedException;
import org.pharmatrace.hub.problem.EventProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes dead-letter entries from what the pipeline refused and publishes them: a whole document (with its payload
 * when small enough, else by reference) or one event of it (as JSON-LD). An entry that already exists under the
 * same id (a resumed capture, a reprocessing that failed again) is rewritten with one more attempt.
 */
@Component
public class DeadLetterEntries {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterEntries.class);
    private static final String EVENT_MEDIA_TYPE = "application/ld+json";

    private final DeadLetters store;
    private final CanonicalEventRecords records;
    private final IngestMetrics metrics;
    private final long maxInlinePayload;

    public DeadLetterEntries(DeadLetters store, CanonicalEventRecords records, IngestMetrics metrics,
                             HubProperties properties) {
        this.store = store;
        this.records = records;
        this.metrics = metrics;
        this.maxInlinePayload = properties.deadLetters().maxInlinePayload().toBytes();
    }

    /** A document refused as a whole. */
    public DeadLetter rejectedDocument(DocumentCapture capture, String stage, CaptureRejectedException rejection) {
        String id = capture.reprocessing() != null ? capture.reprocessing()
                : DeadLetters.documentEntryId(capture.captureId());
        String reason = rejection.problem().getDetail();
        Instant now = Instant.now();
        byte[] content = capture.content();
        boolean inline = content != null && content.length <= maxInlinePayload;
        String utf8 = inline ? utf8(content) : null;
        TradingPartner partner = capture.partner();
        DeadLetter entry = store.find(id)
                .map(existing -> existing.failedAgain(stage, reason, rejection.problems(), now))
                .orElseGet(() -> new DeadLetter(id, DeadLetter.OPEN, stage, reason, rejection.problems(),
                        capture.captureId(), null, partner.id(), partner.organisation(), capture.channel(),
                        inline ? (utf8 != null ? utf8 : Base64.getEncoder().encodeToString(content)) : null,
                        inline ? (utf8 != null ? "utf-8" : "base64") : null, capture.mediaType(),
                        capture.sourceDocument(), capture.sha256(), capture.errorBehaviour(), 1, now, now, null, 0));
        return publish(entry);
    }

    /** One event of a capture, refused; its payload is the event as EPCIS 2.0 JSON-LD. */
    public DeadLetter rejectedEvent(String captureId, TradingPartner partner, String channel, String sourceDocument,
                                    String errorBehaviour, EpcisEvent event, long index, String stage,
                                    List<EventProblem> problems) {
        String id = DeadLetters.eventEntryId(captureId, index);
        String reason = problems.stream().map(EventProblem::toString).collect(Collectors.joining("; "));
        Instant now = Instant.now();
        DeadLetter entry = store.find(id)
                .map(existing -> existing.failedAgain(stage, reason, problems, now))
                .orElseGet(() -> new DeadLetter(id, DeadLetter.OPEN, stage, reason, problems, captureId, index,
                        partner.id(), partner.organisation(), channel, eventJson(event), "utf-8", EVENT_MEDIA_TYPE,
                        sourceDocument, null, errorBehaviour, 1, now, now, null, 0));
        return publish(entry);
    }

    /**
     * An accepted event the chaincode refused (stage {@value Stage#LEDGER}); its payload is the canonical record as
     * it went to the ledger, so reprocessing it captures it again once what it depends on is there.
     */
    public DeadLetter rejectedByLedger(String captureId, String partnerId, String organisation, String channel,
                                       String sourceDocument, long index, String eventJson, String reason) {
        String id = DeadLetters.eventEntryId(captureId, index);
        Instant now = Instant.now();
        List<EventProblem> problems = List.of(new EventProblem(index, null, null, reason));
        DeadLetter entry = store.find(id)
                .map(existing -> existing.failedAgain(Stage.LEDGER, reason, problems, now))
                .orElseGet(() -> new DeadLetter(id, DeadLetter.OPEN, Stage.LEDGER, reason, problems, captureId, index,
                        partnerId, organisation, channel, eventJson, "utf-8", EVENT_MEDIA_TYPE, sourceDocument, null,
                        null, 1, now, now, null, 0));
        return publish(entry);
    }

    /** An accepted document whose ingest failed as a whole; reprocessing it resumes that capture. */
    public DeadLetter failedDocument(String captureId, TradingPartner partner, String channel, String sourceDocument,
                                     String documentSha256, String reason) {
        String id = DeadLetters.documentEntryId(captureId);
        Instant now = Instant.now();
        List<EventProblem> problems = List.of(new EventProblem(-1, null, null, reason));
        DeadLetter entry = store.find(id)
                .map(existing -> existing.failedAgain(Stage.INGEST, reason, problems, now))
                .orElseGet(() -> new DeadLetter(id, DeadLetter.OPEN, Stage.INGEST, reason, problems, captureId, null,
                        partner.id(), partner.organisation(), channel, null, null, null, sourceDocument,
                        documentSha256, null, 1, now, now, null, 0));
        return publish(entry);
    }

    private DeadLetter publish(DeadLetter entry) {
        DeadLetter published = store.publish(entry);
        metrics.deadLettered(entry.partner(), entry.channel(), entry.stage());
        LOG.info("dead-lettered {} at stage {}: {}", entry.id(), entry.stage(), entry.reason());
        return published;
    }

    private String eventJson(EpcisEvent event) {
        try {
            return records.eventJson(event);
        } catch (RuntimeException e) {
            // The event is kept by reference to its document and index; the reason says what is wrong with it.
            LOG.warn("event {} cannot be written as JSON-LD for the DLQ: {}", event, e.toString());
            return null;
        }
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
