package org.pharmatrace.hub.channel.as2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.channel.as2.As2LibPartner.Receipt;
import org.pharmatrace.hub.channel.as2.As2LibPartner.Sending;

/**
 * Throughput of the AS2 channel, printed, not asserted: signed and encrypted X12 856s with 1,000 serials each, sent
 * by as2-lib over HTTP on 127.0.0.1, each answered by a signed MDN once its events are on hub.canonical-events (the
 * MDN is written after the ingest returns, so the round trip bounds the time from receipt to events on Kafka), and
 * how many of our 997s reached acme's own AS2 server (as2-lib) by the last MDN and after waiting for the rest.
 * Excluded from the build; run with {@code mvn -f channels/as2/pom.xml test -Dtest=As2ThroughputBenchmark
 * -Dgroups=benchmark -Dbenchmark.messages=40 -Dbenchmark.senders=2}.
 */
@Tag("benchmark")
class As2ThroughputBenchmark extends As2ChannelIntegrationTest {

    static final int SERIALS = 1000;

    @Test
    void signedEncrypted856sWithAThousandSerialsEach() throws Exception {
        int messages = Integer.getInteger("benchmark.messages", 40);
        int senders = Integer.getInteger("benchmark.senders", 2);
        int warmup = Integer.getInteger("benchmark.warmup", 5);
        AtomicInteger sequence = new AtomicInteger();
        for (int i = 0; i < warmup; i++) {
            send(sequence.incrementAndGet());
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            sent.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                send(sequence.incrementAndGet());
                latencies.add(System.nanoTime() - t0);
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // every 856 sent (warm-up included) is acknowledged by a 997 of ours to acme's own AS2 server
        int expected = warmup + messages;
        long acknowledgedAtEnd = ACME_AS2_SERVER.count(As2ThroughputBenchmark::benchmarkAcknowledgement);
        long started = System.nanoTime();
        long acknowledged = ACME_AS2_SERVER.awaitCount(As2ThroughputBenchmark::benchmarkAcknowledgement, expected,
                ACK_WAIT);
        double drained = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("%nAS2 benchmark: %d signed+encrypted 856s x %d serials (3 events on Kafka each), %d senders,"
                        + " %d cores available (machine shared with other builds)%n", messages, SERIALS, senders,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  throughput: %.2f messages/s, %.0f serials/s%n", messages / seconds,
                messages * SERIALS / seconds);
        System.out.printf("  send -> signed MDN (events on Kafka before the MDN): p50 %d ms, p99 %d ms, max %d ms%n",
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1_000_000);
        System.out.printf("  997s at acme's as2-lib server: %d of %d when the last MDN came, %d of %d %.1f s later"
                + " (waited up to %d s)%n", acknowledgedAtEnd, expected, acknowledged, expected, drained,
                ACK_WAIT.toSeconds());
    }

    private static boolean benchmarkAcknowledgement(As2LibReceiver.Received received) {
        return received.content().contains("ST*997") && received.content().contains("AK1*SH*");
    }

    private void send(int n) throws Exception {
        Receipt receipt = acme.send(Sending.signedAndEncrypted(ACME_AS2_ID, ACME), notice(n), "application/edi-x12");
        assertThat(receipt.disposition()).as(receipt.text()).isEqualTo(PROCESSED);
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000;
    }

    /** An 856: one pallet, one case, one item line with 1,000 serials (unique per message). */
    static byte[] notice(int n) {
        List<String> segments = new ArrayList<>();
        segments.add("ST*856*0001");
        segments.add("BSN*00*BENCH-" + n + "*20251120*1200*0001");
        segments.add("HL*1**S");
        segments.add("DTM*011*20251120");
        segments.add("N1*SF*ACME 3PL DC*UL*0614141000029");
        segments.add("N1*ST*CORNER PHARMACY*UL*0614141000036");
        segments.add("HL*2*1*T");
        segments.add("MAN*GM*006141410000001019");
        segments.add("HL*3*2*P");
        segments.add("MAN*GM*006141410000002016");
        segments.add("HL*4*3*I");
        segments.add("LIN*1*N4*12345-6789-0*LT*LOT-A1");
        segments.add("SN1**" + SERIALS + "*EA");
        segments.add("DTM*036*20271231");
        for (int s = 0; s < SERIALS; s++) {
            segments.add("REF*SE*B" + n + "S" + s);
        }
        segments.add("CTT*4");
        segments.add("SE*" + (segments.size() + 1) + "*0001");
        StringBuilder edi = new StringBuilder(
                "ISA*00*          *00*          *ZZ*ACME3PL        *ZZ*HUBPHARMA      *251120*1200*U*00401*"
                        + String.format("%09d", n) + "*0*P*>~\nGS*SH*ACME3PL*HUBPHARMA*20251120*1200*" + n
                        + "*X*004010~\n");
        segments.forEach(s -> edi.append(s).append("~\n"));
        edi.append("GE*1*").append(n).append("~\nIEA*1*").append(String.format("%09d", n)).append("~\n");
        return edi.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
