package org.pharmatrace.hub.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.capture.CaptureError;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.capture.CapturedEvent;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.kafka.CompactedTopicView;
import org.pharmatrace.hub.kafka.KafkaClients;
import org.pharmatrace.hub.problem.Problem;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What the ledger did with each capture's events, kept in the compacted topic {@code hub.ledger-outcomes} beside the
 * capture jobs (which the ingest path owns and rewrites) and joined with them when a job is reported. With a ledger,
 * a job runs until every accepted event is committed or rejected.
 */
@Component
public class LedgerOutcomes implements DisposableBean {

    private final boolean ledgerEnabled;
    private final CompactedTopicView<LedgerOutcome> view;
    private final Map<String, List<LedgerOutcome>> byCapture = new ConcurrentHashMap<>();

    public LedgerOutcomes(KafkaClients kafka, HubProperties properties, ObjectMapper json) {
        this.ledgerEnabled = properties.ledger().enabled();
        this.view = new CompactedTopicView<>(kafka, properties.kafka().topics().ledgerOutcomes(), LedgerOutcome.class,
                json, LedgerOutcome::version, (old, outcome) -> {
                    List<LedgerOutcome> outcomes = byCapture.computeIfAbsent(outcome.captureId(),
                            id -> new CopyOnWriteArrayList<>());
                    if (old != null) {
                        outcomes.remove(old);
                    }
                    outcomes.add(outcome);
                });
    }

    /** Writes the outcome and waits until Kafka has it. */
    public void record(LedgerOutcome outcome) {
        long version = view.get(outcome.key()).map(o -> o.version() + 1).orElse(1L);
        view.put(outcome.key(), new LedgerOutcome(outcome.captureId(), outcome.status(), outcome.eventIndexes(),
                outcome.organisation(), outcome.transactionId(), outcome.blockNumber(), outcome.code(),
                outcome.reason(), outcome.deadLetter(), outcome.recordedAt(), version));
    }


    /** The job with its events' transactions and blocks, and the ledger's rejections among its errors. */
    public CaptureJob annotate(CaptureJob job) {
        if (!ledgerEnabled && !byCapture.containsKey(job.captureId())) {
            return job;
        }
        Map<Long, LedgerOutcome> outcomes = byIndex(job.captureId());
        List<CapturedEvent> events = new ArrayList<>(job.events().size());
        List<CaptureError> errors = new ArrayList<>();
        long committed = 0;
        long rejected = 0;
        boolean pending = false;
        for (CapturedEvent event : job.events()) {
            LedgerOutcome outcome = outcomes.get(event.eventIndex());
            if (outcome == null) {
                pending = true;
                events.add(event);
                continue;
            }
            if (LedgerOutcome.REJECTED.equals(outcome.status())) {
                rejected++;
                errors.add(new CaptureError(Problem.VALIDATION, "Rejected by the ledger", 409,
                        "event " + event.eventIndex() + ": " + outcome.code() + ": " + outcome.reason(),
                        event.eventIndex(), event.eventHashId(), null, Stage.LEDGER, outcome.deadLetter()));
                events.add(event.onLedger(outcome.status(), outcome.transactionId(), null));
            } else {
                committed++;
                events.add(event.onLedger(outcome.status(), outcome.transactionId(), outcome.blockNumber()));
            }
        }
        return job.withLedgerProgress(job.running() || pending, committed, rejected, events, errors);
    }

    private Map<Long, LedgerOutcome> byIndex(String captureId) {
        Map<Long, LedgerOutcome> byIndex = new HashMap<>();
        for (LedgerOutcome outcome : byCapture.getOrDefault(captureId, List.of())) {
            for (long[] range : EventIndexRanges.parse(outcome.eventIndexes())) {
                for (long index = range[0]; index <= range[1]; index++) {
                    byIndex.merge(index, outcome, LedgerOutcomes::prevailing);
                }
            }
        }
        return byIndex;
    }

    private static LedgerOutcome prevailing(LedgerOutcome a, LedgerOutcome b) {
        int byStatus = Integer.compare(LedgerOutcome.precedence(a.status()), LedgerOutcome.precedence(b.status()));
        if (byStatus != 0) {
            return byStatus > 0 ? a : b;
        }
        return a.recordedAt().isAfter(b.recordedAt()) ? a : b;
    }

    @Override
    public void destroy() {
        view.close();
    }
}
