package org.pharmatrace.hub.capture;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.validation.EpcisValidator;
import org.pharmatrace.epcis.validation.ValidationReport;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.partner.PartnerEntitlements;
import org.pharmatrace.hub.problem.CaptureRejectedException;
import org.pharmatrace.hub.problem.EventProblem;
import org.pharmatrace.hub.problem.Problem;
import org.springframework.stereotype.Component;

/**
 * Decides whether a document can be captured: its schema and the EPCIS/CBV rules (invalid events are set aside,
 * or the whole document refused), then what the partner may claim in it.
 *
 * <p>A document is refused with 400 when it cannot be read, has document-level errors, has no events, has more
 * errors than can be reported one by one, has no valid event at all, or has invalid events and the caller asked
 * for {@code rollback}. Otherwise (the default, {@code proceed}) its valid events are captured and the invalid ones
 * dead-lettered, and the capture job lists them.
 */
@Component
public class DocumentValidation {

    /** The most problems a refusal lists; the DLQ entry and the job carry the same list. */
    private static final int MAX_LISTED = 100;

    private final EpcisValidator validator = new EpcisValidator();
    private final PartnerEntitlements entitlements;
    private final HubProperties properties;

    public DocumentValidation(PartnerEntitlements entitlements, HubProperties properties) {
        this.entitlements = entitlements;
        this.properties = properties;
    }

    public void validate(Exchange exchange) {
        DocumentCapture capture = CaptureReception.capture(exchange);
        ValidationReport report = validator.validate(capture.content);
        capture.report = report;
        List<EventProblem> all = report.errors().stream().map(EventProblem::of).toList();
        long events = report.eventCount();
        if (report.format() == null || all.stream().anyMatch(p -> p.eventIndex() < 0)) {
            throw invalid("the document cannot be captured", all);
        }
        if (report.errorCount() > report.errors().size()) {
            throw invalid("the document has " + report.errorCount() + " errors, too many to capture its valid events"
                    + " separately; the first " + report.errors().size() + " are listed", all);
        }
        if (events == 0) {
            throw invalid("the document contains no events", all);
        }
        if (events > properties.capture().maxEvents()) {
            throw new CaptureRejectedException(Problem.of(413, Problem.CAPTURE_LIMIT, "Too many events",
                    "the document has " + events + " events; this hub captures up to "
                            + properties.capture().maxEvents() + " per document: split it"), Stage.VALIDATION, List.of());
        }
        if (capture.singleEvent && events != 1) {
            throw invalid("POST /events captures exactly one event and this document has " + events
                    + ": use POST /capture for documents", all);
        }
        Map<Long, List<EventProblem>> byEvent = new LinkedHashMap<>();
        all.forEach(p -> byEvent.computeIfAbsent(p.eventIndex(), i -> new ArrayList<>()).add(p));
        if (byEvent.size() == events) {
            throw invalid(events == 1 ? "the event is invalid; nothing was captured"
                    : "none of the " + events + " events is valid; nothing was captured", all);
        }
        if (!byEvent.isEmpty() && "rollback".equals(capture.errorBehaviour)) {
            throw invalid(byEvent.size() + " of " + events + " events are invalid and " + CaptureReception
                    .ERROR_BEHAVIOUR_HEADER + " is rollback: nothing was captured", all);
        }
        capture.invalidEvents = byEvent;
    }

    /**
     * Reads every event once more, as the ingest will, checking what the partner claims; a document the reader
     * cannot finish is refused here, so that an accepted document is always read to its end.
     */
    public void checkEntitlements(Exchange exchange) {
        DocumentCapture capture = CaptureReception.capture(exchange);
        List<EventProblem> problems = new ArrayList<>();
        try (EpcisEventReader reader = EpcisReaders.open(new ByteArrayInputStream(capture.content))) {
            problems.addAll(entitlements.checkDocument(reader.document(), capture.partner));
            while (reader.hasNext()) {
                problems.addAll(entitlements.checkEvent(reader.next(), reader.eventIndex(), capture.partner));
            }
        } catch (EpcisFormatException e) {
            throw invalid("the document cannot be read to its end", List.of(
                    new EventProblem(e.eventIndex(), null, e.field(), e.getMessage())));
        }
        if (!problems.isEmpty()) {
            List<EventProblem> listed = problems.subList(0, Math.min(problems.size(), MAX_LISTED));
            throw new CaptureRejectedException(Problem.of(403, Problem.SECURITY, "Not entitled",
                    "partner " + capture.partner.id() + " may not capture this document: " + listed.get(0)
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""))
                    .with("errors", listed), Stage.AUTHORISATION, listed);
        }
    }

    private static CaptureRejectedException invalid(String summary, List<EventProblem> problems) {
        List<EventProblem> listed = problems.subList(0, Math.min(problems.size(), MAX_LISTED));
        String detail = listed.isEmpty() ? summary : summary + ": " + listed.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        Problem problem = Problem.of(400, Problem.VALIDATION, "Invalid EPCIS document", detail);
        if (!listed.isEmpty()) {
            problem.with("errors", listed);
        }
        return new CaptureRejectedException(problem, Stage.VALIDATION, listed);
    }
}
