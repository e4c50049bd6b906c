package org.pharmatrace.hub.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A capture job as GET /capture/{captureID} reports it and as the compacted topic {@code hub.capture-jobs} keeps it:
 * the EPCIS 2.0 REST binding's CaptureJob ({@code captureID}, {@code running}, {@code success},
 * {@code captureErrorBehaviour}, {@code errors}) plus who sent what, and each accepted event's Event Hash ID.
 *
 * @param sourceDocument where the original document is kept ({@code ipfs://<CID>} or {@code local:sha256:<hex>})
 * @param format the EPCIS syntax of the original, or {@code null} when a channel mapped a partner format
 * @param events the accepted events, in document order
 * @param committedCount with a ledger: the accepted events now on it (committed by this capture or found there)
 * @param errors one RFC 7807 problem per thing wrong with a rejected event, naming its index and field
 * @param version increases with every change; the state topic keeps the highest
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"captureID", "running", "success", "createdAt", "finishedAt", "captureErrorBehaviour"})
public record CaptureJob(
        @JsonProperty("captureID") String captureId,
        boolean running,
        boolean success,
        Instant createdAt,
        Instant finishedAt,
        String captureErrorBehaviour,
        String partner,
        String organisation,
        String channel,
        String sourceDocument,
        String documentSha256,
        String format,
        long eventCount,
        long acceptedCount,
        long rejectedCount,
        Long committedCount,
        List<CapturedEvent> events,
        List<CaptureError> errors,
        long version) {

    public CaptureJob {
        events = events == null ? List.of() : List.copyOf(events);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * The capture stopped before its end for a reason of the hub's, not of its events (an error at index -1): some
     * events may be published, the rest were never looked at.
     */
    public boolean failedAsAWhole() {
        return !running && errors.stream().anyMatch(e -> e.eventIndex() < 0);
    }

    /** The URL path GET answers on. */
    public String location() {
        return "/capture/" + captureId;
    }

    CaptureJob withVersion(long v) {
        return new CaptureJob(captureId, running, success, createdAt, finishedAt, captureErrorBehaviour, partner,
                organisation, channel, sourceDocument, documentSha256, format, eventCount, acceptedCount,
                rejectedCount, committedCount, events, errors, v);
    }

    /** The job as the ledger has taken it further: events with their transactions, ledger rejections as errors. */
    public CaptureJob withLedgerProgress(boolean stillRunning, long committed, long ledgerRejected,
                                         List<CapturedEvent> ledgerEvents, List<CaptureError> ledgerErrors) {
        List<CaptureError> allErrors = new java.util.ArrayList<>(errors);
        allErrors.addAll(ledgerErrors);
        return new CaptureJob(captureId, stillRunning, allErrors.isEmpty(), createdAt, stillRunning ? null : finishedAt,
                captureErrorBehaviour, partner, organisation, channel, sourceDocument, documentSha256, format,
                eventCount, acceptedCount - ledgerRejected, rejectedCount + ledgerRejected, committed, ledgerEvents,
                allErrors, version);
    }
}
