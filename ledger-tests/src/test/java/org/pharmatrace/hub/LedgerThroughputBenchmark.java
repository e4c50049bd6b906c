package org.pharmatrace.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pharmatrace.connectors.fabric.EventBatchSubmitter;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.connectors.fabric.SubmitRetryPolicy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Capture-to-commit figures on this machine, printed, never asserted (run by benchmark/run-ledger-benchmark.sh; the
 * name keeps it out of the test run):
 * <ol>
 *   <li>the raw Fabric baseline: batches of {@code batch} commissioning events recorded straight through the gateway
 *       connector, one after the other, as the ledger submitter does;</li>
 *   <li>single events through {@code POST /events}, from the request to the commit, from 4 clients;</li>
 *   <li>one document of {@code document.events} events through {@code POST /capture}, from the request to the last
 *       commit, with the times at which half and 99 % of its events were committed.</li>
 * </ol>
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ledger"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerThroughputBenchmark {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final int BATCH = Integer.getInteger("benchmark.batch", 200);
    private static final int RAW_BATCHES = Integer.getInteger("benchmark.raw.batches", 25);
    private static final int SINGLE_EVENTS = Integer.getInteger("benchmark.single.events", 200);
    private static final int DOCUMENT_EVENTS = Integer.getInteger("benchmark.document.events", 100_000);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws Exception {
        FabricTestNetwork.start();
        LedgerFixtures.registerCorpusParties();
        registry.add("hub.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("hub.documents.local.directory", Files.createTempDirectory("hub-documents-")::toString);
        registry.add("hub.capture.max-events", () -> String.valueOf(Math.max(DOCUMENT_EVENTS, 50_000)));
        registry.add("hub.capture.max-document-size", () -> "256MB");
        registry.add("hub.ledger.batch-size", () -> String.valueOf(BATCH));
        registry.add("hub.ledger.linger", () -> "50ms");
        FabricTestNetwork.ledgerSettings(registry, "ledger-benchmark", FabricTestNetwork.MANUFACTURER);
    }

    @Test
    @Order(1)
    void rawFabricBaseline() throws Exception {
        try (LedgerGateway gateway = FabricTestNetwork.gateway(FabricTestNetwork.MANUFACTURER)) {
            EventBatchSubmitter submitter = new EventBatchSubmitter(gateway, SubmitRetryPolicy.defaults());
            List<LedgerFixtures.Batch> batches = new ArrayList<>();
            for (int i = 0; i < RAW_BATCHES + 2; i++) {
                batches.add(LedgerFixtures.batch(TestDocuments.commissioning(BATCH)));
            }
            submitter.submit(FabricTestNetwork.MANUFACTURER, batches.get(0).document()); // warm-up
            submitter.submit(FabricTestNetwork.MANUFACTURER, batches.get(1).document());
            List<Double> latencies = new ArrayList<>();
            long started = System.nanoTime();
            for (LedgerFixtures.Batch batch : batches.subList(2, batches.size())) {
                long t0 = System.nanoTime();
                submitter.submit(FabricTestNetwork.MANUFACTURER, batch.document());
                latencies.add((System.nanoTime() - t0) / 1e6);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            print("raw Fabric: %d batches of %d events: %.0f events/s; per transaction p50 %.0f ms, p99 %.0f ms",
                    RAW_BATCHES, BATCH, RAW_BATCHES * BATCH / seconds, percentile(latencies, 50),
                    percentile(latencies, 99));
        }
    }

    @Test
    @Order(2)
    void singleEventsCaptureToCommit() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < SINGLE_EVENTS; i++) {
            JsonNode document = JSON.readTree(TestDocuments.commissioning(1));
            com.fasterxml.jackson.databind.node.ObjectNode event =
                    (com.fasterxml.jackson.databind.node.ObjectNode) document.get("epcisBody").get("eventList").get(0);
            event.set("@context", document.get("@context"));
            events.add(JSON.writeValueAsString(event));
        }
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Double>> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (String event : events) {
            answers.add(clients.submit(() -> {
                long t0 = System.nanoTime();
                HubClient.Answer answer = hub().post("/events", HubClient.User.ACME, event, "application/ld+json");
                if (answer.status() >= 300) {
                    throw new IllegalStateException("POST /events answered " + answer.status() + ": " + answer.json());
                }
                String captureId = answer.json().has("captureID") ? answer.json().get("captureID").asText()
                        : answer.header("Location").substring("/capture/".length());
                waitUntilCommitted(captureId, 1, Duration.ofMillis(10));
                return (System.nanoTime() - t0) / 1e6;
            }));
        }
        List<Double> latencies = new ArrayList<>();
        for (Future<Double> answer : answers) {
            latencies.add(answer.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        print("single events (POST /events, 4 clients): %d events: %.1f events/s; capture-to-commit p50 %.0f ms,"
                + " p99 %.0f ms", SINGLE_EVENTS, SINGLE_EVENTS / seconds, percentile(latencies, 50),
                percentile(latencies, 99));
    }

    @Test
    @Order(3)
    void oneLargeDocumentCaptureToCommit() throws Exception {
        String document = TestDocuments.commissioning(DOCUMENT_EVENTS);
        long t0 = System.nanoTime();
        HubClient.Answer accepted = hub().post("/capture", HubClient.User.ACME, document, "application/ld+json");
        if (accepted.status() != 202) {
            throw new IllegalStateException("POST /capture answered " + accepted.status() + ": " + accepted.json());
        }
        double acceptedMs = (System.nanoTime() - t0) / 1e6;
        String captureId = accepted.json().get("captureID").asText();
        double half = -1;
        double ninetyNine = -1;
        while (true) {
            JsonNode job = hub().get("/capture/" + captureId, HubClient.User.ACME).json();
            long committed = job.path("committedCount").asLong();
            double elapsed = (System.nanoTime() - t0) / 1e6;
            if (half < 0 && committed >= DOCUMENT_EVENTS / 2) {
                half = elapsed;
            }
            if (ninetyNine < 0 && committed >= DOCUMENT_EVENTS * 99L / 100) {
                ninetyNine = elapsed;
            }
            if (!job.get("running").asBoolean()) {
                if (committed != DOCUMENT_EVENTS) {
                    throw new IllegalStateException("only " + committed + " of " + DOCUMENT_EVENTS + " committed");
                }
                print("one document (POST /capture) of %d events (%.1f MB): 202 after %.0f ms; all committed after"
                        + " %.1f s: %.0f events/s; half committed after %.1f s, 99 %% after %.1f s", DOCUMENT_EVENTS,
                        document.length() / 1e6, acceptedMs, elapsed / 1000, DOCUMENT_EVENTS / (elapsed / 1000),
                        half / 1000, ninetyNine / 1000);
                return;
            }
            Thread.sleep(1000);
        }
    }

    private void waitUntilCommitted(String captureId, int events, Duration poll) throws InterruptedException {
        while (true) {
            JsonNode job = hub().get("/capture/" + captureId, HubClient.User.ACME).json();
            if (!job.get("running").asBoolean()) {
                if (job.path("committedCount").asInt() != events) {
                    throw new IllegalStateException("capture " + captureId + " ended uncommitted: " + job);
                }
                return;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private HubClient hub() {
        return new HubClient(port);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void print(String format, Object... args) {
        System.out.println("BENCHMARK " + String.format(Locale.ROOT, format, args));
    }
}
