package org.pharmatrace.hub.capture;

import org.apache.camel.Exchange;
import org.pharmatrace.hub.HubExchange;
import org.pharmatrace.hub.deadletter.DeadLetter;
import org.pharmatrace.hub.deadletter.DeadLetterEntries;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.observability.IngestMetrics;
import org.pharmatrace.hub.problem.CaptureRejectedException;
import org.pharmatrace.hub.problem.HttpAnswers;
import org.pharmatrace.hub.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Answers a refused capture with its RFC 7807 problem, after keeping the document in the dead-letter queue (the
 * problem's {@code instance} is the DLQ entry). Failures of the hub itself are answered 500 and dead-lettered too.
 */
@Component
public class CaptureRejections {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureRejections.class);

    private final CaptureJobs jobs;
    private final DeadLetterEntries deadLetters;
    private final HttpAnswers answers;
    private final IngestMetrics metrics;

    public CaptureRejections(CaptureJobs jobs, DeadLetterEntries deadLetters, HttpAnswers answers,
                             IngestMetrics metrics) {
        this.jobs = jobs;
        this.deadLetters = deadLetters;
        this.answers = answers;
        this.metrics = metrics;
    }

    public void refused(Exchange exchange) {
        CaptureRejectedException rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                CaptureRejectedException.class);
        answer(exchange, rejection.problem(), rejection.stage(), rejection);
    }

    public void failed(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("request failed: {}", failure.toString(), failure);
        boolean capturing = CaptureReception.capture(exchange) != null;
        Problem problem = Problem.of(500, Problem.IMPLEMENTATION, capturing ? "Capture failed" : "Request failed",
                "the hub could not process the " + (capturing ? "document" : "request") + " (" + failure
                        + ")" + (capturing ? "; nothing was captured" : ""));
        answer(exchange, problem, Stage.INGEST, new CaptureRejectedException(problem, Stage.INGEST, java.util.List.of()));
    }

    private void answer(Exchange exchange, Problem problem, String stage, CaptureRejectedException rejection) {
        DocumentCapture capture = CaptureReception.capture(exchange);
        if (capture != null) {
            jobs.release(capture.partner.id(), capture.sha256, capture.captureId);
            metrics.document(capture.partner.id(), capture.channel, "rejected");
            if (stage != null) {
                try {
                    DeadLetter entry = deadLetters.rejectedDocument(capture, stage, rejection);
                    problem.instance("/dlq/" + entry.id()).with("deadLetter", entry.id());
                    exchange.setProperty(HubExchange.DEAD_LETTER, entry);
                } catch (RuntimeException e) {
                    LOG.error("could not dead-letter refused capture {}: {}", capture.captureId, e.toString(), e);
                }
            }
            LOG.info("capture refused: {} {}", problem.getStatus(), problem.getDetail());
        }
        answers.problem(exchange, problem);
        MDC.remove(HubExchange.MDC_CAPTURE_ID);
    }
}
