package org.pharmatrace.hub.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.capture.CaptureJobs;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Throughput of the SFTP channel for a contract manufacturer's big serial file: 1 000 000 serials (override with
 * -Dbenchmark.serials) from pickup on the SFTP server to commissioning events on Kafka. Prints figures, asserts
 * nothing about time. Not part of the default build (tag "benchmark"); run it with
 * {@code mvn -f channels/sftp/pom.xml test -Dsftp.test.excludedGroups= -Dgroups=benchmark}.
 */
@Tag("benchmark")
class SftpSerialFileBenchmark extends SftpChannelIntegrationTest {

    @Autowired
    ProcessedFiles processed;
    @Autowired
    CaptureJobs jobs;

    @Test
    void millionSerialFileFromPickupToKafka() throws Exception {
        int serials = Integer.getInteger("benchmark.serials", 1_000_000);
        SftpTestServer sftp = SftpTestServer.get();
        Path dir = Files.createDirectories(sftp.folder("acme/outbound"));
        Path part = dir.resolve("benchmark.csv.part");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(
                new DigestOutputStream(Files.newOutputStream(part), digest), StandardCharsets.UTF_8))) {
            SftpChannelTest.writeSerials(writer, "LOT-BENCH", serials, null);
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        long size = Files.size(part);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong sampledPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampledPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        long start = System.nanoTime();
        Files.move(part, dir.resolve("benchmark.csv"), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(dir.resolve("done/benchmark.csv")));
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();

        CaptureJob job = jobs.find(processed.captureOf("acme", sha)).orElseThrow();
        assertThat(job.rejectedCount()).isZero();
        long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long mb = 1024 * 1024;
        System.out.printf("""
                ==== SFTP serial file benchmark ====
                machine: %d cores available (shared), JVM max heap %d MB (the embedded Kafka broker runs in it too)
                file: %d serials, %d MB
                pickup to last event on Kafka: %.1f s, %.0f serials/s, %d events of up to 1000 EPCs
                heap used: %d MB before, peak %d MB (sampled every 20 ms), sum of heap pool peaks %d MB
                ====================================
                """, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / mb, serials,
                size / mb, seconds, serials / seconds, job.acceptedCount(), before / mb, sampledPeak.get() / mb,
                poolPeaks / mb);
        Files.delete(dir.resolve("done/benchmark.csv"));
    }
}
