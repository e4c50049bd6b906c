package org.pharmatrace.hub.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.validation.EpcisRules;
import org.pharmatrace.hub.HubExchange;
import org.pharmatrace.hub.capture.CaptureError;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.capture.CaptureJobs;
import org.pharmatrace.hub.capture.CapturedEvent;
import org.pharmatrace.hub.deadletter.DeadLetter;
import org.pharmatrace.hub.deadletter.DeadLetterEntries;
import org.pharmatrace.hub.deadletter.DeadLetters;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.observability.IngestMetrics;
import org.pharmatrace.hub.partner.PartnerEntitlements;
import org.pharmatrace.hub.problem.EventProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The steps of the ingest path every channel shares: open (or continue) the capture job, check each event (EPCIS/CBV
 * rules, what the partner may claim), compute its Event Hash ID and make its canonical record, or dead-letter it;
 * then close the job.
 */
@Component
public class CaptureIngest {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureIngest.class);

    /** Kafka headers of a canonical-events record. */
    public static final String CAPTURE_ID = "captureId";
    public static final String PARTNER = "partner";
    public static final String ORGANISATION = "organisation";
    public static final String CHANNEL = "channel";
    public static final String SOURCE_DOCUMENT = "sourceDocument";
    public static final String EVENT_INDEX = "eventIndex";
    public static final String EVENT_HASH_ID = "eventHashId";
    public static final String ORIGINAL_EVENT_ID = "originalEventId";

    private static final String EVENT = "hub.event";

    private final CaptureJobs jobs;
    private final DeadLetters deadLetters;
    private final DeadLetterEntries entries;
    private final CanonicalEventRecords records;
    private final PartnerEntitlements entitlements;
    private final IngestMetrics metrics;
    private final EpcisRules rules = new EpcisRules();
    private final EventHashGenerator hashes = new EventHashGenerator();

    public CaptureIngest(CaptureJobs jobs, DeadLetters deadLetters, DeadLetterEntries entries,
                         CanonicalEventRecords records, PartnerEntitlements entitlements, IngestMetrics metrics) {
        this.jobs = jobs;
        this.deadLetters = deadLetters;
        this.entries = entries;
        this.records = records;
        this.entitlements = entitlements;
        this.metrics = metrics;
    }

    /** Opens the job, or continues the one named; a document this partner had ingested already is not ingested again. */
    public void begin(Exchange exchange) throws InvalidPayloadException {
        IngestRequest request = exchange.getIn().getMandatoryBody(IngestRequest.class);
        String captureId = request.captureId() != null ? request.captureId() : UUID.randomUUID().toString();
        MDC.put(HubExchange.MDC_CAPTURE_ID, captureId);
        MDC.put(HubExchange.MDC_PARTNER, request.partner().id());
        CaptureJob existing = jobs.find(captureId).orElse(null);
        if (existing == null && request.documentSha256() != null) {
            Optional<String> earlier = jobs.claim(request.partner().id(), request.documentSha256(), captureId);
            if (earlier.isPresent()) {
                CaptureJob job = jobs.find(earlier.get()).orElseThrow(() -> new IllegalStateException(
                        "the same document is being ingested right now as capture " + earlier.get()));
                exchange.setProperty(HubExchange.EARLIER_JOB, job);
                exchange.getMessage().setBody(job);
                close(request);
                return;
            }
        }
        CaptureProgress progress = new CaptureProgress(captureId, request, existing);
        jobs.save(progress.snapshot(true));
        exchange.setProperty(HubExchange.PROGRESS, progress);
        LOG.info("ingesting capture {} from {} over {}", captureId, request.partner().id(), request.channel());
    }

    public boolean isDuplicate(Exchange exchange) {
        return exchange.getProperty(HubExchange.EARLIER_JOB) != null;
    }

    public Iterator<EpcisEvent> events(Exchange exchange) {
        return progress(exchange).request().events();
    }

    /** Checks one event: what the schema pass found, else the EPCIS/CBV rules, then the partner's entitlements. */
    public void examine(Exchange exchange) throws InvalidPayloadException {
        exchange.setProperty(HubExchange.STAGE, Stage.INGEST);
        CaptureProgress progress = progress(exchange);
        IngestRequest request = progress.request();
        EpcisEvent event = exchange.getIn().getMandatoryBody(EpcisEvent.class);
        long index = request.firstIndex() + exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class);
        exchange.setProperty(HubExchange.EVENT_INDEX, index);
        exchange.setProperty(EVENT, event);
        progress.arrived(index);
        metrics.eventReceived(request.partner().id(), progress.channel());

        String stage = Stage.VALIDATION;
        List<EventProblem> problems = request.knownProblems().get(index);
        if (problems == null) {
            problems = rules.check(event).stream()
                    .map(e -> new EventProblem(index, e.eventId(), e.field(), e.message())).toList();
        }
        if (problems.isEmpty()) {
            stage = Stage.AUTHORISATION;
            problems = entitlements.checkEvent(event, index, request.partner());
        }
        exchange.setProperty(HubExchange.EVENT_PROBLEMS, problems);
        exchange.setProperty(HubExchange.STAGE, problems.isEmpty() ? Stage.PUBLISH : stage);
    }

    public boolean isRejected(Exchange exchange) {
        List<?> problems = exchange.getProperty(HubExchange.EVENT_PROBLEMS, List.class);
        return problems != null && !problems.isEmpty();
    }

    /** The event gets its Event Hash ID as eventID and becomes a canonical-events record (value, key, headers). */
    public void prepareRecord(Exchange exchange) {
        CaptureProgress progress = progress(exchange);
        IngestRequest request = progress.request();
        EpcisEvent event = exchange.getProperty(EVENT, EpcisEvent.class);
        long index = exchange.getProperty(HubExchange.EVENT_INDEX, Long.class);
        String originalEventId = event.getEventId();
        String hash = hashes.eventHashId(event);
        event.setEventId(hash);
        exchange.setProperty(HubExchange.ORIGINAL_EVENT_ID, originalEventId);
        exchange.setProperty(HubExchange.EVENT_HASH_ID, hash);

        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(KafkaConstants.KEY, records.partitionKey(event, request.partner().organisation(), hash));
        message.setHeader(EVENT_HASH_ID, hash);
        message.setHeader(CAPTURE_ID, progress.captureId());
        message.setHeader(PARTNER, request.partner().id());
        message.setHeader(ORGANISATION, request.partner().organisation());
        message.setHeader(CHANNEL, progress.channel());
        message.setHeader(EVENT_INDEX, String.valueOf(index));
        if (progress.sourceDocument() != null) {
            message.setHeader(SOURCE_DOCUMENT, progress.sourceDocument());
        }
        if (originalEventId != null && !originalEventId.equals(hash)) {
            message.setHeader(ORIGINAL_EVENT_ID, originalEventId);
        }
        message.setBody(records.eventJson(event));
    }

    /** Kafka has the record: the job notes the event's hash and where it is. */
    public void published(Exchange exchange) {
        CaptureProgress progress = progress(exchange);
        IngestRequest request = progress.request();
        long index = exchange.getProperty(HubExchange.EVENT_INDEX, Long.class);
        String hash = exchange.getProperty(HubExchange.EVENT_HASH_ID, String.class);
        String original = exchange.getProperty(HubExchange.ORIGINAL_EVENT_ID, String.class);
        List<?> metadata = exchange.getMessage().getHeader(KafkaConstants.KAFKA_RECORD_META, List.class);
        RecordMetadata record = metadata == null || metadata.isEmpty() ? null : (RecordMetadata) metadata.get(0);
        progress.published(new CapturedEvent(index, hash, hash.equals(original) ? null : original,
                CapturedEvent.PUBLISHED, record == null ? null : record.partition(),
                record == null ? null : record.offset(), request.reprocessing(), null, null));
        metrics.eventAccepted(request.partner().id(), progress.channel());
    }

    /** The event is refused: into the DLQ with its reasons, and into the job's errors. */
    @SuppressWarnings("unchecked")
    public void deadLetter(Exchange exchange) {
        CaptureProgress progress = progress(exchange);
        IngestRequest request = progress.request();
        long index = exchange.getProperty(HubExchange.EVENT_INDEX, Long.class);
        String stage = exchange.getProperty(HubExchange.STAGE, String.class);
        List<EventProblem> problems = exchange.getProperty(HubExchange.EVENT_PROBLEMS, List.class);
        EpcisEvent event = exchange.getProperty(EVENT, EpcisEvent.class);
        DeadLetter entry = entries.rejectedEvent(progress.captureId(), request.partner(), progress.channel(),
                progress.sourceDocument(), progress.errorBehaviour(), event, index, stage, problems);
        List<CaptureError> errors = new ArrayList<>();
        problems.forEach(p -> errors.add(CaptureError.of(p, stage, entry.id())));
        progress.rejected(index, errors);
        metrics.eventRejected(request.partner().id(), progress.channel(), stage);
    }

    /** All events are through: the job is finished, and a reprocessed dead letter that made it is resolved. */
    public void finish(Exchange exchange) {
        CaptureProgress progress = progress(exchange);
        IngestRequest request = progress.request();
        close(request);
        CaptureJob job = jobs.save(progress.snapshot(false));
        if (request.reprocessing() != null && progress.reprocessedEventPublished()) {
            String hash = job.events().stream().filter(e -> request.reprocessing().equals(e.deadLetter()))
                    .map(CapturedEvent::eventHashId).findFirst().orElse("?");
            deadLetters.find(request.reprocessing()).ifPresent(entry -> deadLetters.publish(entry.resolved(
                    DeadLetter.REPROCESSED, "published as " + hash + " in capture " + job.captureId(), Instant.now())));
        }
        LOG.info("capture {} finished: {} of {} events accepted, {} rejected", job.captureId(), job.acceptedCount(),
                job.eventCount(), job.rejectedCount());
        exchange.getMessage().setBody(job);
        MDC.remove(HubExchange.MDC_CAPTURE_ID);
    }

    /**
     * A failure the pipeline could not get past. Inside the event loop it costs that event only (dead-lettered with
     * the stage it failed in); otherwise the job is closed with the failure and the document dead-lettered, and
     * reprocessing that entry resumes the capture.
     */
    public void failed(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        CaptureProgress progress = exchange.getProperty(HubExchange.PROGRESS, CaptureProgress.class);
        Long index = exchange.getProperty(HubExchange.EVENT_INDEX, Long.class);
        String reason = failure == null ? "unknown failure" : failure.getMessage();
        LOG.error("ingest failed: {}", reason, failure);
        if (progress == null) {
            return; // nothing was opened; the caller sees the exception
        }
        IngestRequest request = progress.request();
        if (index != null) {
            EpcisEvent event = exchange.getProperty(EVENT, EpcisEvent.class);
            String stage = exchange.getProperty(HubExchange.STAGE, Stage.INGEST, String.class);
            exchange.setProperty(HubExchange.STAGE, stage);
            exchange.setProperty(HubExchange.EVENT_PROBLEMS, List.of(new EventProblem(index,
                    exchange.getProperty(HubExchange.ORIGINAL_EVENT_ID, String.class), null,
                    "could not be processed at stage " + stage + ": " + reason)));
            if (event != null && event.getEventId() != null && event.getEventId().startsWith("ni:///")) {
                event.setEventId(exchange.getProperty(HubExchange.ORIGINAL_EVENT_ID, String.class));
            }
            deadLetter(exchange);
            return;
        }
        close(request);
        DeadLetter entry = entries.failedDocument(progress.captureId(), request.partner(), progress.channel(),
                progress.sourceDocument(), request.documentSha256(), reason);
        progress.failed(CaptureError.of(new EventProblem(-1, null, null, reason), Stage.INGEST, entry.id()));
        exchange.getMessage().setBody(jobs.save(progress.snapshot(false)));
        MDC.remove(HubExchange.MDC_CAPTURE_ID);
    }

    /**
     * Lets {@link #failed} close the job of a capture that failed before its events could be opened (the original
     * cannot be read back, its partner is gone).
     */
    public static void failingBeforeBegin(Exchange exchange, IngestRequest request, CaptureJob job) {
        exchange.setProperty(HubExchange.PROGRESS, new CaptureProgress(job.captureId(), request, job));
    }

    private static CaptureProgress progress(Exchange exchange) {
        return exchange.getProperty(HubExchange.PROGRESS, CaptureProgress.class);
    }

    private static void close(IngestRequest request) {
        if (request.source() != null) {
            try {
                request.source().close();
            } catch (Exception e) {
                LOG.warn("could not close the source of capture {}: {}", request.captureId(), e.toString());
            }
        }
    }
}
