package org.pharmatrace.hub.observability;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pharmatrace.hub.deadletter.DeadLetters;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The DLQ size as a gauge, {@code hub_dead_letters_open{partner,stage}}: how many entries wait for someone to
 * reprocess or discard them. Counted from the DLQ view every {@value #REFRESH_SECONDS} s.
 */
@Component
public class DeadLetterGauges implements DisposableBean {

    static final int REFRESH_SECONDS = 5;

    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dead-letter-gauges");
        thread.setDaemon(true);
        return thread;
    });

    public DeadLetterGauges(DeadLetters deadLetters, MeterRegistry registry) {
        MultiGauge open = MultiGauge.builder("hub.dead.letters.open")
                .description("open dead-letter entries").register(registry);
        Runnable refresh = () -> open.register(deadLetters.openByPartnerAndStage().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("partner", e.getKey().get(0), "stage", e.getKey().get(1)),
                        e.getValue()))
                .toList(), true);
        refresh.run();
        refresher.scheduleWithFixedDelay(refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
