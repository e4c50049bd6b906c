package org.pharmatrace.hub.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.pharmatrace.hub.problem.EventProblem;

/**
 * Something the hub could not process, as the DLQ topic {@code hub.dlq} keeps it (compacted, key: id) and the DLQ
 * API shows it: the original payload (or, when large, only the reference of the stored original), who sent it over
 * which channel, the stage that refused it, and why, in words and located by event and field.
 *
 * @param id {@code <captureID>} for a whole document, {@code <captureID>-e<index>} for one event of it
 * @param status {@code open}, {@code reprocessed} or {@code discarded}
 * @param eventIndex the event's position in its document; {@code null} for a whole document
 * @param payload the document, or the one event as EPCIS 2.0 JSON-LD; {@code null} when it is only referenced
 * @param payloadEncoding {@code utf-8} or {@code base64} (a body that is not UTF-8 text)
 * @param sourceDocument the stored original ({@code ipfs://<CID>} or {@code local:sha256:<hex>}), when it was stored
 * @param errorBehaviour the GS1-Capture-Error-Behaviour of the capture, applied again on reprocessing
 * @param attempts how many times processing was tried (1 + reprocessing attempts)
 * @param resolution what became of it, once reprocessed or discarded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "status", "stage", "reason"})
public record DeadLetter(
        String id,
        String status,
        String stage,
        String reason,
        List<EventProblem> problems,
        @JsonProperty("captureID") String captureId,
        Long eventIndex,
        String partner,
        String organisation,
        String channel,
        String payload,
        String payloadEncoding,
        String payloadMediaType,
        String sourceDocument,
        String documentSha256,
        String errorBehaviour,
        int attempts,
        Instant createdAt,
        Instant updatedAt,
        String resolution,
        long version) {

    public static final String OPEN = "open";
    public static final String REPROCESSED = "reprocessed";
    public static final String DISCARDED = "discarded";

    public DeadLetter {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    public boolean isEvent() {
        return eventIndex != null;
    }

    /** Refused again on reprocessing: new reasons, one more attempt. */
    public DeadLetter failedAgain(String stage, String reason, List<EventProblem> problems, Instant now) {
        return new DeadLetter(id, OPEN, stage, reason, problems, captureId, eventIndex, partner, organisation, channel,
                payload, payloadEncoding, payloadMediaType, sourceDocument, documentSha256, errorBehaviour,
                attempts + 1, createdAt, now, null, version);
    }

    /** Done with: the payload leaves the topic (the original stays in the document store), the story stays. */
    public DeadLetter resolved(String status, String resolution, Instant now) {
        return new DeadLetter(id, status, stage, reason, problems, captureId, eventIndex, partner, organisation,
                channel, null, null, payloadMediaType, sourceDocument, documentSha256, errorBehaviour,
                REPROCESSED.equals(status) ? attempts + 1 : attempts, createdAt, now, resolution, version);
    }

    /** The same resolution told more precisely. */
    public DeadLetter withResolution(String resolution, Instant now) {
        return new DeadLetter(id, status, stage, reason, problems, captureId, eventIndex, partner, organisation,
                channel, payload, payloadEncoding, payloadMediaType, sourceDocument, documentSha256, errorBehaviour,
                attempts, createdAt, now, resolution, version);
    }

    DeadLetter withVersion(long v) {
        return new DeadLetter(id, status, stage, reason, problems, captureId, eventIndex, partner, organisation,
                channel, payload, payloadEncoding, payloadMediaType, sourceDocument, documentSha256, errorBehaviour,
                attempts, createdAt, updatedAt, resolution, v);
    }
}
