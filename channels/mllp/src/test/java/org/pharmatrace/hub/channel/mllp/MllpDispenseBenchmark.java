package org.pharmatrace.hub.channel.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.TestKafka;

/**
 * Throughput and ACK latency of the MLLP channel, printed, nothing asserted but correctness: HAPI's client sends
 * dispense messages (the corpus v2.5 message, each with its own control id and pack) over a few connections; the ACK
 * comes once the dispensing event is on the canonical topic (Kafka acks=all), so the ACK latency measures receipt to
 * event on Kafka. Not in the default run:
 * {@code mvn -f channels/mllp/pom.xml test -Dtest=MllpDispenseBenchmark -Dmllp.excludedGroups=none}
 * ({@code -Dmllp.benchmark.messages=2000 -Dmllp.benchmark.connections=4}).
 */
@Tag("benchmark")
class MllpDispenseBenchmark extends MllpHubTest {

    @Test
    void dispenseMessagesPerSecondAndAckLatency() throws Exception {
        int messages = Integer.getInteger("mllp.benchmark.messages", 2000);
        int connections = Integer.getInteger("mllp.benchmark.connections", 4);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

        send("W" + run, 100, connections);                     // warm-up: JIT, Kafka producers, partitions
        long start = System.nanoTime();
        long[] latencies = send("B" + run, messages, connections);
        double seconds = (System.nanoTime() - start) / 1e9;

        long onKafka = TestKafka.readAll("hub.canonical-events").stream()
                .filter(r -> r.value().contains(DispenseOverMllpTest.SGTIN + "B" + run + "X")).count();
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%n=== MLLP dispense benchmark ===%n"
                        + "machine: %d cores (shared with other builds), %s %s, Java %s, max heap %d MB%n"
                        + "messages: %d over %d HAPI MLLP connections; events on Kafka: %d%n"
                        + "throughput: %.0f messages/s (%.1f s)%n"
                        + "ACK latency (receipt to event on Kafka, acks=all): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, messages, connections, onKafka, messages / seconds, seconds,
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                latencies[latencies.length - 1] / 1e6);
        assertThat(onKafka).isEqualTo(messages);
    }

    /** Sends {@code count} messages over {@code connections} connections; answers each message's ACK latency (ns). */
    private long[] send(String prefix, int count, int connections) throws Exception {
        ExecutorService pharmacies = Executors.newFixedThreadPool(connections);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int from = count * c / connections;
                int to = count * (c + 1) / connections;
                results.add(pharmacies.submit(() -> {
                    long[] latencies = new long[to - from];
                    try (PharmacySystem pharmacy = pharmacy()) {
                        for (int i = from; i < to; i++) {
                            String message = DispenseOverMllpTest.dispense(prefix + "-" + i, prefix + "X" + i);
                            long sent = System.nanoTime();
                            String code = pharmacy.send(message).code();
                            latencies[i - from] = System.nanoTime() - sent;
                            if (!"AA".equals(code)) {
                                throw new AssertionError("message " + prefix + "-" + i + " answered " + code);
                            }
                        }
                    }
                    return latencies;
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> result : results) {
                long[] part = result.get();
                long[] joined = Arrays.copyOf(all, all.length + part.length);
                System.arraycopy(part, 0, joined, all.length, part.length);
                all = joined;
            }
            return all;
        } finally {
            pharmacies.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, int p) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
