package org.pharmatrace.hub.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Per-partner counters (Prometheus: {@code hub_events_received_total{partner,channel}} and so on); the per-route
 * figures come from Camel's Micrometer route policy ({@code camel_exchanges_*{routeId}}).
 */
@Component
public class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An event entered the ingest path. */
    public void eventReceived(String partner, String channel) {
        counter("hub.events.received", partner, channel).increment();
    }

    /** An event was published to the canonical-events topic. */
    public void eventAccepted(String partner, String channel) {
        counter("hub.events.accepted", partner, channel).increment();
    }

    /** An event was refused (and dead-lettered). */
    public void eventRejected(String partner, String channel, String stage) {
        Counter.builder("hub.events.rejected").tag("partner", partner).tag("channel", channel).tag("stage", stage)
                .register(registry).increment();
    }

    /** A document was answered: {@code accepted}, {@code duplicate} or {@code rejected}. */
    public void document(String partner, String channel, String outcome) {
        Counter.builder("hub.documents").tag("partner", partner).tag("channel", channel).tag("outcome", outcome)
                .register(registry).increment();
    }

    /** Something went to the dead-letter queue. */
    public void deadLettered(String partner, String channel, String stage) {
        Counter.builder("hub.dead.letters").tag("partner", partner).tag("channel", channel).tag("stage", stage)
                .register(registry).increment();
    }

    /**
     * An event reached the ledger ({@code committed} or {@code duplicate}), {@code latency} after it was published:
     * the capture-to-commit time ({@code hub_ledger_commit_latency_seconds}).
     */
    public void eventOnLedger(String partner, String channel, String outcome, Duration latency) {
        Counter.builder("hub.events.ledger").tag("partner", partner).tag("channel", channel).tag("outcome", outcome)
                .register(registry).increment();
        Timer.builder("hub.ledger.commit.latency").tag("partner", partner).publishPercentileHistogram()
                .register(registry).record(latency);
    }

    /** A Fabric transaction of {@code events} events committed. */
    public void ledgerTransaction(String organisation, int events, Duration took) {
        Timer.builder("hub.ledger.transactions").tag("organisation", organisation).register(registry).record(took);
        Counter.builder("hub.ledger.transaction.events").tag("organisation", organisation).register(registry)
                .increment(events);
    }

    private Counter counter(String name, String partner, String channel) {
        return Counter.builder(name).tag("partner", partner).tag("channel", channel).register(registry);
    }
}
