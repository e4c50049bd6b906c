package org.pharmatrace.hub.ingest;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.EventProblem;

/**
 * What a channel hands to {@code direct:ingest-canonical-events}: canonical EPCIS events, who they come from, over
 * which channel, and where the original document is kept. See routes/README.md.
 *
 * @param captureId the capture job to create or continue; {@code null} for a new one
 * @param partner the authenticated trading partner the events come from
 * @param channel {@code http}, {@code as2}, {@code sftp}, {@code mllp}, ...
 * @param sourceDocument reference of the stored original ({@link org.pharmatrace.hub.documents.OriginalDocumentStore}),
 *        or {@code null}
 * @param documentSha256 hex SHA-256 of the original; when given, the same document from the same partner is
 *        ingested once (the second request gets the first job)
 * @param format the EPCIS syntax of the original, {@code null} for a mapped partner format
 * @param errorBehaviour reported on the job; the ingest path itself always proceeds with the valid events
 * @param events the events, read lazily (a streaming reader is fine: it is closed at the end through {@code source})
 * @param firstIndex the document position of the first event
 * @param knownProblems problems already found for some events (by position), e.g. by the schema pass
 * @param reprocessing the dead-letter entry this request reprocesses, or {@code null}
 * @param source closed when the ingest is over, or {@code null}
 */
public record IngestRequest(String captureId, TradingPartner partner, String channel, String sourceDocument,
                            String documentSha256, String format, String errorBehaviour, Iterator<EpcisEvent> events,
                            long firstIndex, Map<Long, List<EventProblem>> knownProblems, String reprocessing,
                            AutoCloseable source) {

    public IngestRequest {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(events, "events");
        knownProblems = knownProblems == null ? Map.of() : Map.copyOf(knownProblems);
        errorBehaviour = errorBehaviour == null ? "proceed" : errorBehaviour;
    }

    /** Events a channel mapped from a partner format: a new capture job, all events checked here. */
    public static IngestRequest mappedEvents(TradingPartner partner, String channel, String sourceDocument,
                                             String documentSha256, List<EpcisEvent> events) {
        return new IngestRequest(null, partner, channel, sourceDocument, documentSha256, null, null,
                events.iterator(), 0, Map.of(), null, null);
    }
}
