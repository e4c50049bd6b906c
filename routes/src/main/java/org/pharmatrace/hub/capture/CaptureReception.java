package org.pharmatrace.hub.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.pharmatrace.hub.ingest.JsonLdEvents;
import org.pharmatrace.hub.HubExchange;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.attachments.MultipartCapture;
import org.pharmatrace.hub.deadletter.DeadLetters;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.documents.OriginalDocumentStore;
import org.pharmatrace.hub.observability.IngestMetrics;
import org.pharmatrace.hub.partner.Callers;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.CaptureRejectedException;
import org.pharmatrace.hub.problem.EventProblem;
import org.pharmatrace.hub.problem.HttpAnswers;
import org.pharmatrace.hub.problem.Problem;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The capture steps around validation: taking the document in, recognising one already captured, keeping the
 * original, opening the capture job and answering the caller.
 */
@Component
public class CaptureReception {

    public static final String CHANNEL = "http";
    public static final String ERROR_BEHAVIOUR_HEADER = "GS1-Capture-Error-Behaviour";

    private final HubProperties properties;
    private final CaptureJobs jobs;
    private final OriginalDocumentStore store;
    private final HttpAnswers answers;
    private final IngestMetrics metrics;
    private final MultipartCapture multipart;
    private final ObjectMapper json = new ObjectMapper();

    public CaptureReception(HubProperties properties, CaptureJobs jobs, OriginalDocumentStore store,
                            HttpAnswers answers, IngestMetrics metrics, MultipartCapture multipart) {
        this.properties = properties;
        this.jobs = jobs;
        this.store = store;
        this.answers = answers;
        this.metrics = metrics;
        this.multipart = multipart;
    }

    /** POST /capture: the body is an EPCIS document in any syntax the hub reads, or a multipart capture. */
    public void receiveDocument(Exchange exchange) {
        if (MultipartCapture.isMultipart(exchange)) {
            receiveMultipartDocument(exchange);
            return;
        }
        DocumentCapture capture = newCapture(exchange, false, body(exchange));
        exchange.setProperty(HubExchange.CAPTURE, capture);
        requireContent(capture, "send an EPCIS document (EPCIS 2.0 JSON-LD, EPCIS 2.0 XML or EPCIS 1.2 XML)");
    }

    /**
     * POST /capture as multipart/form-data: the document in the part "epcisDocument", files in the others. The files
     * are stored first and the document's {@code attachment:<part>} references replaced by their URIs; from here on
     * the capture is that document's, like any other (validated, hashed, stored, ingested).
     */
    private void receiveMultipartDocument(Exchange exchange) {
        TradingPartner partner = Callers.partnerOf(exchange);
        String captureId = UUID.randomUUID().toString();
        MDC.put(HubExchange.MDC_CAPTURE_ID, captureId);
        MDC.put(HubExchange.MDC_PARTNER, partner.id());
        MultipartCapture.Received received = multipart.receive(exchange, partner, captureId);
        DocumentCapture capture = newCapture(exchange, captureId, false, received.document(), received.fingerprint(),
                received.mediaType());
        capture.multipart = true;
        exchange.setProperty(HubExchange.CAPTURE, capture);
        requireContent(capture, "send the EPCIS document in the part '" + MultipartCapture.DOCUMENT_PART + "'");
        capture.content = multipart.link(capture.content, received.attachments());
    }

    /**
     * POST /events: the body is one JSON-LD event (as the EPCIS REST binding has it) or a document holding exactly
     * one event. A bare event is put in a document of its own, so that it goes through the same checks.
     */
    public void receiveSingleEvent(Exchange exchange) {
        byte[] body = body(exchange);
        DocumentCapture capture = newCapture(exchange, true, body);
        exchange.setProperty(HubExchange.CAPTURE, capture);
        requireContent(capture, "send one EPCIS event as JSON-LD");
        if (firstCharacter(body) == '{') {
            capture.content = asDocument(body);
        }
    }

    private DocumentCapture newCapture(Exchange exchange, boolean singleEvent, byte[] body) {
        return newCapture(exchange, UUID.randomUUID().toString(), singleEvent, body, sha256(body),
                exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class));
    }

    private DocumentCapture newCapture(Exchange exchange, String captureId, boolean singleEvent, byte[] body,
                                       String sha256, String mediaType) {
        TradingPartner partner = Callers.partnerOf(exchange);
        MDC.put(HubExchange.MDC_CAPTURE_ID, captureId);
        MDC.put(HubExchange.MDC_PARTNER, partner.id());
        String behaviour = Optional.ofNullable(exchange.getIn().getHeader(ERROR_BEHAVIOUR_HEADER, String.class))
                .map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse(properties.capture().errorBehaviour());
        DocumentCapture capture = new DocumentCapture(captureId, partner, CHANNEL, singleEvent, body, sha256,
                mediaType, behaviour, null, null);
        if (!behaviour.equals("proceed") && !behaviour.equals("rollback")) {
            throw reject(400, Problem.VALIDATION, "Unsupported capture error behaviour", ERROR_BEHAVIOUR_HEADER + ": '"
                    + behaviour + "' is not supported: use 'rollback' (nothing is captured when an event is invalid) "
                    + "or 'proceed' (the valid events are captured)", Stage.RECEIVE);
        }
        return capture;
    }

    private void requireContent(DocumentCapture capture, String what) {
        if (capture.content.length == 0) {
            throw reject(400, Problem.VALIDATION, "Empty request", "the request has no body: " + what, Stage.RECEIVE);
        }
        long max = properties.capture().maxDocumentSize().toBytes();
        if (capture.content.length > max) {
            throw reject(413, Problem.CAPTURE_LIMIT, "Document too large", "the document has " + capture.content.length
                    + " bytes; this hub captures documents of up to " + max + " bytes", null);
        }
    }

    private byte[] asDocument(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw reject(400, Problem.VALIDATION, "Malformed JSON", "the body is not JSON: "
                    + e.getOriginalMessage(), Stage.RECEIVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A document goes as it is: the validator names what is wrong with it, event count included.
        return JsonLdEvents.isEvent(node) ? JsonLdEvents.asDocument(node) : body;
    }

    /** Whether this partner captured this very document before; if so, its job is what the caller gets. */
    public boolean isDuplicate(Exchange exchange) {
        DocumentCapture capture = capture(exchange);
        Optional<String> earlier = jobs.claim(capture.partner.id(), capture.sha256, capture.captureId);
        if (earlier.isEmpty()) {
            return false;
        }
        CaptureJob job = jobs.find(earlier.get()).orElseThrow(() -> reject(409, Problem.VALIDATION,
                "Capture in progress", "the same document is being captured right now (capture " + earlier.get()
                        + "); ask again in a moment", null));
        exchange.setProperty(HubExchange.EARLIER_JOB, job);
        return true;
    }

    /** Keeps the original before anything else, so that what is accepted or dead-lettered can always be found. */
    public void storeOriginal(Exchange exchange) {
        DocumentCapture capture = capture(exchange);
        if (capture.sourceDocument != null) {
            return; // reprocessing: the original is stored already
        }
        try {
            // A bare event is kept as the document it was put in, a multipart capture's document with its references
            // linked: each stored under its own SHA-256, while the capture's (the dedupe key) stays what was received.
            String storedSha256 = capture.singleEvent || capture.multipart ? sha256(capture.content) : capture.sha256;
            capture.sourceDocument = store.store(capture.content, storedSha256,
                    capture.mediaType == null ? "application/octet-stream" : capture.mediaType);
        } catch (IOException | RuntimeException e) {
            throw reject(503, Problem.IMPLEMENTATION, "Document store unavailable", "the document could not be "
                    + "stored (" + e.getMessage() + "); nothing was captured, send it again later", Stage.STORE);
        }
    }

    /** Opens the capture job (running), with the invalid events already known, and hands its ID on. */
    public void openJob(Exchange exchange) {
        DocumentCapture capture = capture(exchange);
        List<CaptureError> errors = new ArrayList<>();
        for (Map.Entry<Long, List<EventProblem>> invalid : capture.invalidEvents.entrySet()) {
            String entry = DeadLetters.eventEntryId(capture.captureId, invalid.getKey());
            invalid.getValue().forEach(p -> errors.add(CaptureError.of(p, Stage.VALIDATION, entry)));
        }
        CaptureJob job = jobs.save(new CaptureJob(capture.captureId, true, errors.isEmpty(), Instant.now(), null,
                capture.errorBehaviour, capture.partner.id(), capture.partner.organisation(), capture.channel,
                capture.sourceDocument, capture.sha256, capture.report.formatName(), capture.report.eventCount(), 0,
                0, null, List.of(), errors, 0));
        capture.content = null;
        metrics.document(capture.partner.id(), capture.channel, "accepted");
        exchange.getMessage().setBody(job.captureId());
    }

    /** 202 Accepted, Location: /capture/{captureID}, the job as it is now. */
    public void answerAccepted(Exchange exchange) {
        DocumentCapture capture = capture(exchange);
        CaptureJob job = jobs.find(capture.captureId).orElseThrow();
        answers.json(exchange, 202, job);
        HttpAnswers.header(exchange, "Location", job.location());
        MDC.remove(HubExchange.MDC_CAPTURE_ID);
    }

    /** The same document again: the first capture's job, nothing captured twice. */
    public void answerDuplicate(Exchange exchange) {
        DocumentCapture capture = capture(exchange);
        CaptureJob earlier = exchange.getProperty(HubExchange.EARLIER_JOB, CaptureJob.class);
        metrics.document(capture.partner.id(), capture.channel, "duplicate");
        answers.json(exchange, capture.singleEvent ? 200 : 202, earlier);
        HttpAnswers.header(exchange, "Location", earlier.location());
        MDC.remove(HubExchange.MDC_CAPTURE_ID);
    }

    /** POST /events is synchronous: 201 Created once the event is on the canonical topic. */
    public void answerEventCaptured(Exchange exchange) {
        CaptureJob job = exchange.getMessage().getBody(CaptureJob.class);
        if (job.acceptedCount() == 1) {
            answers.json(exchange, 201, job);
            HttpAnswers.header(exchange, "Location", job.location());
        } else {
            CaptureError error = job.errors().isEmpty() ? null : job.errors().get(0);
            answers.problem(exchange, Problem.of(error == null ? 500 : error.status(),
                    error == null ? Problem.IMPLEMENTATION : error.type(), "Event not captured",
                    error == null ? "the event was not captured" : error.detail())
                    .instance(job.location()).with("errors", job.errors()));
        }
        MDC.remove(HubExchange.MDC_CAPTURE_ID);
    }

    static DocumentCapture capture(Exchange exchange) {
        return exchange.getProperty(HubExchange.CAPTURE, DocumentCapture.class);
    }

    /** A document being reprocessed from the dead-letter queue, on behalf of the partner that sent it. */
    public static DocumentCapture reprocessing(TradingPartner partner, String channel, byte[] content, String mediaType,
                                               String errorBehaviour, String deadLetterId, String sourceDocument) {
        String captureId = UUID.randomUUID().toString();
        return new DocumentCapture(captureId, partner, channel, false, content, sha256(content), mediaType,
                errorBehaviour == null ? "proceed" : errorBehaviour, deadLetterId, sourceDocument);
    }

    private static byte[] body(Exchange exchange) {
        byte[] body = exchange.getIn().getBody(byte[].class);
        return body == null ? new byte[0] : body;
    }

    private static char firstCharacter(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).strip();
        return head.isEmpty() ? ' ' : head.charAt(head.charAt(0) == '\uFEFF' && head.length() > 1 ? 1 : 0);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static CaptureRejectedException reject(int status, String type, String title, String detail, String stage) {
        return new CaptureRejectedException(Problem.of(status, type, title, detail), stage, List.of());
    }
}
