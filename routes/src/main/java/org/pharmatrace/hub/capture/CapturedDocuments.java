package org.pharmatrace.hub.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.validation.EpcisValidator;
import org.pharmatrace.epcis.validation.ValidationReport;
import org.pharmatrace.hub.HubExchange;
import org.pharmatrace.hub.documents.OriginalDocumentStore;
import org.pharmatrace.hub.ingest.CaptureIngest;
import org.pharmatrace.hub.ingest.IngestRequest;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.EventProblem;
import org.springframework.stereotype.Component;

/**
 * Turns an accepted capture job back into its events: the original is read from the document store, so an
 * accepted document is ingested from what was stored, whether right after the 202 or after a restart.
 */
@Component
public class CapturedDocuments {

    private final CaptureJobs jobs;
    private final OriginalDocumentStore store;
    private final PartnerDirectory partners;
    private final EpcisValidator validator = new EpcisValidator();

    public CapturedDocuments(CaptureJobs jobs, OriginalDocumentStore store, PartnerDirectory partners) {
        this.jobs = jobs;
        this.store = store;
        this.partners = partners;
    }

    /** Body: a captureID. Becomes the {@link IngestRequest} streaming the stored document's events. */
    public void openForIngest(Exchange exchange) throws IOException, InvalidPayloadException {
        String captureId = exchange.getIn().getMandatoryBody(String.class);
        CaptureJob job = jobs.find(captureId)
                .orElseThrow(() -> new IllegalStateException("no capture job " + captureId));
        TradingPartner partner = partners.byId(job.partner()).orElse(null);
        if (partner == null) {
            throw new IllegalStateException("capture " + captureId + " belongs to partner " + job.partner()
                    + ", who is no longer configured");
        }
        CaptureIngest.failingBeforeBegin(exchange, request(job, partner, Collections.emptyIterator(), Map.of(), null), job);
        DocumentCapture capture = exchange.getProperty(HubExchange.CAPTURE, DocumentCapture.class);
        Map<Long, List<EventProblem>> known = capture != null && capture.captureId.equals(captureId)
                ? capture.invalidEvents : revalidate(job);
        InputStream in = store.open(job.sourceDocument());
        EpcisEventReader reader;
        try {
            reader = EpcisReaders.open(in);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
        exchange.getMessage().setBody(request(job, partner, reader, known, reader));
    }

    private static IngestRequest request(CaptureJob job, TradingPartner partner,
                                         java.util.Iterator<org.pharmatrace.epcis.model.EpcisEvent> events,
                                         Map<Long, List<EventProblem>> known, AutoCloseable source) {
        return new IngestRequest(job.captureId(), partner, job.channel(), job.sourceDocument(), job.documentSha256(),
                job.format(), job.captureErrorBehaviour(), events, 0, known, null, source);
    }

    /** After a restart the schema findings are found again from the stored original. */
    private Map<Long, List<EventProblem>> revalidate(CaptureJob job) {
        ValidationReport report = validator.validate(() -> store.open(job.sourceDocument()));
        Map<Long, List<EventProblem>> byEvent = new LinkedHashMap<>();
        report.errors().stream().filter(e -> e.eventIndex() >= 0)
                .forEach(e -> byEvent.computeIfAbsent(e.eventIndex(), i -> new ArrayList<>()).add(EventProblem.of(e)));
        return byEvent;
    }
}
