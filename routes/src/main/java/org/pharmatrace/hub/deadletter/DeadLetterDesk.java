package org.pharmatrace.hub.deadletter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.validation.EpcisValidator;
import org.pharmatrace.epcis.validation.ValidationReport;
import org.pharmatrace.hub.HubExchange;
import org.pharmatrace.hub.capture.CaptureError;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.capture.CaptureJobs;
import org.pharmatrace.hub.capture.CaptureReception;
import org.pharmatrace.hub.capture.DocumentCapture;
import org.pharmatrace.hub.documents.OriginalDocumentStore;
import org.pharmatrace.hub.ingest.CanonicalEventRecords;
import org.pharmatrace.hub.ingest.IngestRequest;
import org.pharmatrace.hub.ingest.JsonLdEvents;
import org.pharmatrace.hub.partner.Caller;
import org.pharmatrace.hub.partner.Callers;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.CaptureRejectedException;
import org.pharmatrace.hub.problem.EventProblem;
import org.pharmatrace.hub.problem.HttpAnswers;
import org.pharmatrace.hub.problem.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The work behind the DLQ API. A partner handles its own entries, an operator everyone's. Reprocessing runs the
 * entry through the hub again on behalf of the partner that sent it, with the checks of today: what passes is
 * captured and the entry is resolved; what is refused again stays open with the new reasons and one more attempt.
 * Whole documents of a channel with a format of its own (HL7, serial files ...) go to that channel's
 * {@link DeadLetterReprocessor}; the others are captured again as EPCIS documents.
 */
@Component
public class DeadLetterDesk {

    private static final Set<String> STATUSES = Set.of(DeadLetter.OPEN, DeadLetter.REPROCESSED, DeadLetter.DISCARDED,
            "all");
    private static final int MAX_LISTED = 1000;
    /** A corrected payload sent with the reprocess call, which replaces the dead-lettered one. */
    private static final String CORRECTION = "hub.correction";

    private final DeadLetters deadLetters;
    private final CaptureJobs jobs;
    private final PartnerDirectory partners;
    private final OriginalDocumentStore documents;
    private final CanonicalEventRecords records;
    private final ProducerTemplate producer;
    private final HttpAnswers answers;
    private final Map<String, DeadLetterReprocessor> reprocessors = new LinkedHashMap<>();
    private final EpcisValidator validator = new EpcisValidator();

    public DeadLetterDesk(DeadLetters deadLetters, CaptureJobs jobs, PartnerDirectory partners,
                          OriginalDocumentStore documents, CanonicalEventRecords records, ProducerTemplate producer,
                          HttpAnswers answers, ObjectProvider<DeadLetterReprocessor> channelReprocessors) {
        channelReprocessors.orderedStream().forEach(reprocessor -> {
            DeadLetterReprocessor other = reprocessors.putIfAbsent(reprocessor.channel(), reprocessor);
            if (other != null) {
                throw new IllegalStateException("two dead-letter reprocessors for channel " + reprocessor.channel()
                        + ": " + other.getClass().getName() + " and " + reprocessor.getClass().getName());
            }
        });
        this.deadLetters = deadLetters;
        this.jobs = jobs;
        this.partners = partners;
        this.documents = documents;
        this.records = records;
        this.producer = producer;
        this.answers = answers;
    }

    public void list(Exchange exchange) {
        Caller caller = Callers.of(exchange);
        String status = exchange.getIn().getHeader("status", DeadLetter.OPEN, String.class);
        if (!STATUSES.contains(status)) {
            answers.problem(exchange, Problem.of(400, Problem.VALIDATION, "Unknown status", "status '" + status
                    + "' is none of " + STATUSES));
            return;
        }
        String partner = caller.isOperator() ? exchange.getIn().getHeader("partner", String.class) : null;
        String captureId = exchange.getIn().getHeader("captureID", String.class);
        int limit = Math.min(MAX_LISTED, exchange.getIn().getHeader("limit", 100, Integer.class));
        List<DeadLetter> entries = deadLetters.list(caller, status, partner, captureId, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", entries.size());
        body.put("entries", entries);
        answers.json(exchange, 200, body);
    }

    public void show(Exchange exchange) {
        Caller caller = Callers.of(exchange);
        String id = entryId(exchange);
        deadLetters.find(id, caller).ifPresentOrElse(entry -> answers.json(exchange, 200, entry),
                () -> answers.problem(exchange, notFound(id, caller)));
    }

    public void discard(Exchange exchange) {
        Caller caller = Callers.of(exchange);
        String id = entryId(exchange);
        DeadLetter entry = deadLetters.find(id, caller).orElse(null);
        if (entry == null) {
            answers.problem(exchange, notFound(id, caller));
        } else if (!entry.isOpen()) {
            answers.problem(exchange, alreadyResolved(entry));
        } else {
            answers.json(exchange, 200, deadLetters.publish(entry.resolved(DeadLetter.DISCARDED,
                    "discarded by " + caller.id(), Instant.now())));
        }
    }

    /** The entry to reprocess: the caller's, still open, of a partner still configured. */
    public void openEntry(Exchange exchange) {
        Caller caller = Callers.of(exchange);
        String id = entryId(exchange);
        DeadLetter entry = deadLetters.find(id, caller)
                .orElseThrow(() -> new CaptureRejectedException(notFound(id, caller), null, List.of()));
        if (!entry.isOpen()) {
            throw new CaptureRejectedException(alreadyResolved(entry), null, List.of());
        }
        if (entry.partner() == null) {
            throw new CaptureRejectedException(Problem.of(409, Problem.VALIDATION, "No partner", "entry " + id
                    + " has no partner (its sender was not identified): it cannot be reprocessed on anyone's behalf"),
                    null, List.of());
        }
        if (partners.byId(entry.partner()).isEmpty()) {
            throw new CaptureRejectedException(Problem.of(409, Problem.VALIDATION, "Partner gone", "entry " + id
                    + " came from partner " + entry.partner() + ", who is no longer configured"), null, List.of());
        }
        exchange.setProperty(HubExchange.DEAD_LETTER_ENTRY, entry);
        byte[] correction = exchange.getIn().getBody(byte[].class);
        if (correction != null && correction.length > 0) {
            exchange.setProperty(CORRECTION, correction);
        }
    }

    public boolean isEvent(Exchange exchange) {
        return entry(exchange).isEvent();
    }

    /** A document accepted earlier whose ingest failed: its capture job exists and is resumed. */
    public boolean isInterruptedIngest(Exchange exchange) {
        DeadLetter entry = entry(exchange);
        return Stage.INGEST.equals(entry.stage()) && jobs.find(entry.captureId()).isPresent();
    }

    /** A whole document of a channel that reprocesses its own format (its originals are not EPCIS). */
    public boolean isChannelDocument(Exchange exchange) {
        return reprocessors.containsKey(entry(exchange).channel());
    }

    /**
     * The channel maps the payload again and ingests it, as the partner: resolved (200, Location of the capture)
     * when events are accepted; refused again as a whole, or with every event refused, the entry stays open with the
     * new reasons (400/403).
     */
    public void reprocessInChannel(Exchange exchange) throws IOException {
        DeadLetter entry = entry(exchange);
        TradingPartner partner = partners.byId(entry.partner()).orElseThrow();
        byte[] correction = exchange.getProperty(CORRECTION, byte[].class);
        Instant started = Instant.now();
        CaptureJob job;
        try {
            job = reprocessors.get(entry.channel()).reprocess(entry, partner,
                    new DeadLetterPayload(entry, correction, documents));
        } catch (ReprocessingRefusedException e) {
            answers.problem(exchange, stillRefused(deadLetters.publish(entry.failedAgain(e.stage(), e.getMessage(),
                    e.problems(), Instant.now()))));
            return;
        }
        if (job.acceptedCount() == 0) {
            // Each refused event has its own entry under the new capture; this one says where they went.
            CaptureError first = job.errors().isEmpty() ? null : job.errors().get(0);
            String reason = "captured again as capture " + job.captureId() + ", but none of its " + job.eventCount()
                    + " events was accepted" + (first == null ? "" : ": " + first.detail());
            List<EventProblem> problems = job.errors().stream()
                    .map(e -> new EventProblem(e.eventIndex(), e.eventId(), e.field(), e.detail())).toList();
            answers.problem(exchange, stillRefused(deadLetters.publish(entry.failedAgain(
                    first == null ? Stage.VALIDATION : first.stage(), reason, problems, Instant.now()))));
            return;
        }
        DeadLetter resolved = deadLetters.publish(entry.resolved(DeadLetter.REPROCESSED,
                (job.createdAt().isBefore(started) ? "already captured as capture " : "captured again as capture ")
                        + job.captureId() + ": " + job.acceptedCount() + " of " + job.eventCount()
                        + " events accepted" + (correction != null ? ", with a payload corrected by "
                        + Callers.of(exchange).id() : ""), Instant.now()));
        answers.json(exchange, 200, resolved);
        HttpAnswers.header(exchange, "Location", job.location());
    }

    /** One event again, into its capture job, under its position in the original document. */
    public void reingestEvent(Exchange exchange) throws IOException {
        DeadLetter entry = entry(exchange);
        TradingPartner partner = partners.byId(entry.partner()).orElseThrow();
        byte[] correction = exchange.getProperty(CORRECTION, byte[].class);
        byte[] document = correction != null ? JsonLdEvents.asDocument(new String(correction, StandardCharsets.UTF_8))
                : entry.payload() != null ? JsonLdEvents.asDocument(entry.payload()) : eventFromOriginal(entry);
        long index = entry.eventIndex();
        ValidationReport report = validator.validate(document);
        Map<Long, List<EventProblem>> known = new LinkedHashMap<>();
        report.errors().forEach(e -> known.computeIfAbsent(index, i -> new ArrayList<>())
                .add(new EventProblem(index, e.eventId(), e.field(), e.message())));
        EpcisEvent event;
        try {
            event = JsonLdEvents.read(document);
        } catch (EpcisFormatException e) {
            throw new IllegalStateException("the dead-lettered event cannot be read: " + e.getMessage(), e);
        }
        IngestRequest request = new IngestRequest(entry.captureId(), partner, entry.channel(), entry.sourceDocument(),
                null, null, entry.errorBehaviour(), List.of(event).iterator(), index, known, entry.id(), null);
        Exchange result = producer.send("direct:ingest-canonical-events", ingest -> ingest.getIn().setBody(request));
        rethrow(result);
        DeadLetter after = deadLetters.find(entry.id()).orElseThrow();
        if (!after.isOpen()) {
            if (correction != null) {
                after = deadLetters.publish(after.withResolution(after.resolution()
                        + ", with a payload corrected by " + Callers.of(exchange).id(), Instant.now()));
            }
            answers.json(exchange, 200, after);
            return;
        }
        answers.problem(exchange, stillRefused(after));
    }

    /** The capture whose ingest failed is ingested again from its stored original. */
    public void resumeCapture(Exchange exchange) {
        DeadLetter entry = entry(exchange);
        Exchange result = producer.send("direct:ingest-captured-document", ingest ->
                ingest.getIn().setBody(entry.captureId()));
        rethrow(result);
        CaptureJob job = jobs.find(entry.captureId()).orElseThrow();
        boolean failedAgain = job.errors().stream().anyMatch(e -> e.eventIndex() < 0);
        if (failedAgain) {
            DeadLetter after = deadLetters.find(entry.id()).orElse(entry);
            answers.problem(exchange, Problem.of(500, Problem.IMPLEMENTATION, "Still failing", "capture "
                    + job.captureId() + " failed again: " + after.reason()).instance("/dlq/" + entry.id()));
            return;
        }
        DeadLetter resolved = deadLetters.publish(entry.resolved(DeadLetter.REPROCESSED, "capture " + job.captureId()
                + " resumed: " + job.acceptedCount() + " of " + job.eventCount() + " events accepted", Instant.now()));
        answers.json(exchange, 200, resolved);
        HttpAnswers.header(exchange, "Location", job.location());
    }

    /**
     * A refused document is captured again, as its partner: a new capture job when it passes now; otherwise the
     * refusal is answered as a capture's would be and the entry keeps the new reasons.
     */
    public void recaptureDocument(Exchange exchange) throws IOException {
        DeadLetter entry = entry(exchange);
        TradingPartner partner = partners.byId(entry.partner()).orElseThrow();
        byte[] correction = exchange.getProperty(CORRECTION, byte[].class);
        DocumentCapture capture = CaptureReception.reprocessing(partner, entry.channel(),
                correction != null ? correction : payload(entry), entry.payloadMediaType(), entry.errorBehaviour(),
                entry.id(), correction != null ? null : entry.sourceDocument());
        exchange.setProperty(HubExchange.CAPTURE, capture);
        Exchange result = producer.send("direct:capture-received-document", sub ->
                sub.setProperty(HubExchange.CAPTURE, capture));
        rethrow(result);
        CaptureJob earlier = result.getProperty(HubExchange.EARLIER_JOB, CaptureJob.class);
        CaptureJob job = earlier != null ? earlier : jobs.find(capture.captureId()).orElseThrow();
        if (earlier == null) {
            producer.send("seda:ingest-captured-document", ExchangePattern.InOnly, ingest -> {
                ingest.setProperty(HubExchange.CAPTURE, capture);
                ingest.getIn().setBody(job.captureId());
            });
        }
        DeadLetter resolved = deadLetters.publish(entry.resolved(DeadLetter.REPROCESSED,
                (earlier != null ? "already captured as capture " : "captured again as capture ") + job.captureId()
                        + (correction != null ? ", with a document corrected by " + Callers.of(exchange).id() : ""),
                Instant.now()));
        answers.json(exchange, 202, resolved);
        HttpAnswers.header(exchange, "Location", job.location());
    }

    private byte[] payload(DeadLetter entry) throws IOException {
        if (entry.payload() != null) {
            return "base64".equals(entry.payloadEncoding()) ? Base64.getDecoder().decode(entry.payload())
                    : entry.payload().getBytes(StandardCharsets.UTF_8);
        }
        if (entry.sourceDocument() == null) {
            return new byte[0];
        }
        try (InputStream in = documents.open(entry.sourceDocument())) {
            return in.readAllBytes();
        }
    }

    /** An event whose JSON-LD could not be written for the DLQ: taken from the stored original by its position. */
    private byte[] eventFromOriginal(DeadLetter entry) throws IOException {
        if (entry.sourceDocument() == null) {
            throw new IllegalStateException("entry " + entry.id() + " has neither its event nor a stored original");
        }
        try (InputStream in = documents.open(entry.sourceDocument()); EpcisEventReader reader = EpcisReaders.open(in)) {
            while (reader.hasNext()) {
                EpcisEvent event = reader.next();
                if (reader.eventIndex() == entry.eventIndex()) {
                    return JsonLdEvents.asDocument(records.eventJson(event));
                }
            }
        }
        throw new IllegalStateException("the original of entry " + entry.id() + " has no event " + entry.eventIndex());
    }

    private static void rethrow(Exchange result) {
        Exception failure = result.getException();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    private static DeadLetter entry(Exchange exchange) {
        return exchange.getProperty(HubExchange.DEAD_LETTER_ENTRY, DeadLetter.class);
    }

    private static String entryId(Exchange exchange) {
        return exchange.getIn().getHeader("entryId", String.class);
    }

    private static Problem notFound(String id, Caller caller) {
        return Problem.of(404, Problem.NOT_FOUND, "No such dead letter", "there is no dead-letter entry " + id
                + " of " + caller.id());
    }

    private static Problem alreadyResolved(DeadLetter entry) {
        return Problem.of(409, Problem.VALIDATION, "Already resolved", "entry " + entry.id() + " is "
                + entry.status() + ": " + entry.resolution()).instance("/dlq/" + entry.id());
    }

    private static Problem stillRefused(DeadLetter after) {
        return Problem.of(statusOf(after.stage()), typeOf(after.stage()), "Still refused",
                "entry " + after.id() + " was refused again: " + after.reason())
                .instance("/dlq/" + after.id()).with("deadLetter", after.id()).with("errors", after.problems());
    }

    private static int statusOf(String stage) {
        return Stage.AUTHORISATION.equals(stage) ? 403 : Stage.VALIDATION.equals(stage) ? 400 : 500;
    }

    private static String typeOf(String stage) {
        return Stage.AUTHORISATION.equals(stage) ? Problem.SECURITY
                : Stage.VALIDATION.equals(stage) ? Problem.VALIDATION : Problem.IMPLEMENTATION;
    }
}
