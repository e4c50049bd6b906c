package org.pharmatrace.hub.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.pharmatrace.hub.capture.CaptureError;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.capture.CapturedEvent;

/**
 * A capture job while its events go through the ingest path: per event index what became of it. Starts from the
 * job as stored (if any), so that resuming or reprocessing one event replaces that event's entries and keeps the
 * rest. Used by one exchange at a time (the split is sequential).
 */
public final class CaptureProgress {

    private final IngestRequest request;
    private final String captureId;
    private final Instant createdAt;
    private final String format;
    private final String channel;
    private final String sourceDocument;
    private final String documentSha256;
    private final String errorBehaviour;
    private final long knownEventCount;
    private final TreeMap<Long, CapturedEvent> events = new TreeMap<>();
    private final TreeMap<Long, List<CaptureError>> errors = new TreeMap<>();
    private final List<CaptureError> documentErrors = new ArrayList<>();
    private long lastIndex = -1;
    private boolean reprocessedEventPublished;

    CaptureProgress(String captureId, IngestRequest request, CaptureJob existing) {
        this.request = request;
        this.captureId = captureId;
        this.createdAt = existing != null ? existing.createdAt() : Instant.now();
        this.format = existing != null && existing.format() != null ? existing.format() : request.format();
        this.channel = existing != null ? existing.channel() : request.channel();
        this.sourceDocument = existing != null && existing.sourceDocument() != null ? existing.sourceDocument()
                : request.sourceDocument();
        this.documentSha256 = existing != null && existing.documentSha256() != null ? existing.documentSha256()
                : request.documentSha256();
        this.errorBehaviour = existing != null && existing.captureErrorBehaviour() != null
                ? existing.captureErrorBehaviour() : request.errorBehaviour();
        this.knownEventCount = existing != null ? existing.eventCount() : 0;
        if (existing != null) {
            existing.events().forEach(e -> events.put(e.eventIndex(), e));
            for (CaptureError error : existing.errors()) {
                if (error.eventIndex() >= 0) {
                    errors.computeIfAbsent(error.eventIndex(), i -> new ArrayList<>()).add(error);
                }
            }
        }
    }

    public IngestRequest request() {
        return request;
    }

    public String captureId() {
        return captureId;
    }

    public String channel() {
        return channel;
    }

    public String sourceDocument() {
        return sourceDocument;
    }

    public String errorBehaviour() {
        return errorBehaviour;
    }

    /** An event arrives: whatever was recorded for its index before is replaced by what happens now. */
    void arrived(long index) {
        events.remove(index);
        errors.remove(index);
        lastIndex = Math.max(lastIndex, index);
    }

    void published(CapturedEvent event) {
        events.put(event.eventIndex(), event);
        if (request.reprocessing() != null) {
            reprocessedEventPublished = true;
        }
    }

    void rejected(long index, List<CaptureError> problems) {
        errors.put(index, List.copyOf(problems));
    }

    void failed(CaptureError error) {
        documentErrors.add(error);
    }

    boolean reprocessedEventPublished() {
        return reprocessedEventPublished;
    }

    public CaptureJob snapshot(boolean running) {
        List<CaptureError> allErrors = new ArrayList<>(documentErrors);
        errors.values().forEach(allErrors::addAll);
        long eventCount = Math.max(knownEventCount, lastIndex + 1);
        return new CaptureJob(captureId, running, allErrors.isEmpty(), createdAt, running ? null : Instant.now(),
                errorBehaviour, request.partner().id(), request.partner().organisation(), channel, sourceDocument,
                documentSha256, format, eventCount, events.size(), errors.size(), null,
                new ArrayList<>(events.values()), allErrors, 0);
    }
}
