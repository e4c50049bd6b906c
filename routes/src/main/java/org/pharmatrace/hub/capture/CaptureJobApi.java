package org.pharmatrace.hub.capture;

import java.util.List;
import org.apache.camel.Exchange;
import org.pharmatrace.hub.ledger.LedgerOutcomes;
import org.pharmatrace.hub.partner.Caller;
import org.pharmatrace.hub.partner.Callers;
import org.pharmatrace.hub.problem.HttpAnswers;
import org.pharmatrace.hub.problem.Problem;
import org.springframework.stereotype.Component;

/** GET /capture and GET /capture/{captureID}: a partner sees its own jobs, an operator everyone's. */
@Component
public class CaptureJobApi {

    private static final int MAX_LISTED = 1000;

    private final CaptureJobs jobs;
    private final LedgerOutcomes ledger;
    private final HttpAnswers answers;

    public CaptureJobApi(CaptureJobs jobs, LedgerOutcomes ledger, HttpAnswers answers) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.answers = answers;
    }

    public void report(Exchange exchange) {
        Caller caller = Callers.of(exchange);
        String captureId = exchange.getIn().getHeader("captureID", String.class);
        jobs.find(captureId, caller).map(ledger::annotate).ifPresentOrElse(job -> answers.json(exchange, 200, job),
                () -> answers.problem(exchange, Problem.of(404, Problem.NOT_FOUND, "No such capture job",
                        "there is no capture job " + captureId + " of " + caller.id())));
    }

    public void list(Exchange exchange) {
        Caller caller = Callers.of(exchange);
        int limit = Math.min(MAX_LISTED, exchange.getIn().getHeader("limit", 100, Integer.class));
        answers.json(exchange, 200, jobs.list(caller, limit).stream().map(ledger::annotate).toList());
    }

    public List<String> interruptedCaptureIds() {
        return jobs.interrupted().stream().map(CaptureJob::captureId).toList();
    }
}
