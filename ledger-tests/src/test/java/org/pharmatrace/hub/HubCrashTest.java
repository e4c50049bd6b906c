package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.fabric.EventBatchSubmitter;
import org.pharmatrace.connectors.fabric.LedgerEventReader;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.connectors.fabric.SubmitRetryPolicy;

/**
 * The hub process killed with SIGKILL in the middle of a large capture, then started again: every event accepted
 * before the kill is committed, and each is on the ledger exactly once. The hub runs as its own process (the server
 * jar), against the test JVM's Kafka and the real Fabric network.
 */
class HubCrashTest {

    private static final int EVENTS = 20_000;
    private static final Path WORK = FabricTestNetwork.root().resolve("ledger-tests/target/crash-hub");

    private Process hub;

    @BeforeAll
    static void network() {
        FabricTestNetwork.start();
        LedgerFixtures.registerCorpusParties();
    }

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.destroyForcibly();
        }
    }

    @Test
    void aHubKilledMidCaptureCommitsEveryAcceptedEventExactlyOnceAfterItsRestart() throws Exception {
        int port = freePort();
        writeSettings(port);
        hub = startHub(port, "first");
        HubClient client = new HubClient(port);
        String document = TestDocuments.commissioning(EVENTS);
        List<String> hashes = TestDocuments.eventHashIds(document.getBytes());

        HubClient.Answer accepted = client.post("/capture", HubClient.User.ACME, document, "application/ld+json");
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        String captureId = accepted.json().get("captureID").asText();

        // Kill once the ledger has part of the capture: some events committed, others still on their way.
        JsonNode before = Eventually.captureJob(client, captureId, job -> job.path("committedCount").asLong() >= 1_000,
                Duration.ofMinutes(5));
        hub.destroyForcibly().waitFor();
        long committedBeforeKill = before.path("committedCount").asLong();
        assertThat(committedBeforeKill).isLessThan(EVENTS);

        hub = startHub(port, "second");
        JsonNode job = Eventually.captureFinished(client, captureId, Duration.ofMinutes(10));

        assertThat(job.get("acceptedCount").asInt()).as(Eventually.withoutEvents(job)).isEqualTo(EVENTS);
        assertThat(job.get("committedCount").asInt()).as(Eventually.withoutEvents(job)).isEqualTo(EVENTS);
        assertThat(job.get("success").asBoolean()).isTrue();
        for (JsonNode event : job.get("events")) {
            assertThat(event.get("status").asText()).isIn("committed", "duplicate");
            assertThat(event.get("transactionId").asText()).isNotBlank();
        }

        Map<String, Integer> recorded = recordedOnLedger(Set.copyOf(hashes));
        assertThat(recorded).hasSize(EVENTS);
        assertThat(recorded.values()).as("times each event was recorded").containsOnly(1);
    }

    /**
     * How often each of the hashes appears among the committed EventsRecorded of the whole channel, read from block 0
     * up to a marker transaction committed now: everything before it has been read when the marker comes.
     */
    private static Map<String, Integer> recordedOnLedger(Set<String> hashes) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        Path checkpointFile = Files.createTempFile("crash-checkpoint", ".json");
        Files.delete(checkpointFile);
        try (LedgerGateway gateway = FabricTestNetwork.gateway(FabricTestNetwork.MANUFACTURER,
                FabricTestNetwork.REGULATOR);
             FileCheckpointer checkpoint = new FileCheckpointer(checkpointFile);
             LedgerEventReader reader = new LedgerEventReader(gateway, FabricTestNetwork.REGULATOR, checkpoint, 0)) {
            String marker = new EventBatchSubmitter(gateway, SubmitRetryPolicy.defaults())
                    .submit(FabricTestNetwork.MANUFACTURER,
                            LedgerFixtures.batch(TestDocuments.commissioning(1)).document())
                    .transactionId();
            reader.run(events -> {
                events.committed().stream().filter(hashes::contains).forEach(h -> counts.merge(h, 1, Integer::sum));
                if (events.transactionId().equals(marker)) {
                    reader.close();
                }
            });
        }
        return counts;
    }

    private Process startHub(int port, String run) throws Exception {
        Path jar;
        try (var jars = Files.list(FabricTestNetwork.root().resolve("server/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("hub-server-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no server/target/hub-server-*.jar: build the server"
                            + " module first (mvn -pl server package)"));
        }
        Process process = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toString(),
                "--spring.config.additional-location=file:" + WORK.resolve("application.yaml"))
                .directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("hub-" + run + ".log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited; see " + WORK.resolve("hub-" + run + ".log"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the hub did not get ready within 2 minutes; see " + WORK);
    }

    private static void writeSettings(int port) throws IOException {
        Files.createDirectories(WORK.resolve("documents"));
        var manufacturer = FabricTestNetwork.identity(FabricTestNetwork.MANUFACTURER);
        var gateway = FabricTestNetwork.settings(FabricTestNetwork.MANUFACTURER);
        Files.writeString(WORK.resolve("application.yaml"), """
                server:
                  port: %d
                hub:
                  query:
                    enabled: false
                  channels:
                    mllp:
                      enabled: false
                  kafka:
                    bootstrap-servers: %s
                    canonical-event-partitions: 3
                    topics:
                      canonical-events: crash.canonical-events
                      capture-jobs: crash.capture-jobs
                      dead-letters: crash.dlq
                      ledger-outcomes: crash.ledger-outcomes
                  capture:
                    max-events: 100000
                    max-document-size: 64MB
                  documents:
                    local:
                      directory: %s
                  partners:
                    - id: acme
                      organisation: ManufacturerMSP
                      password-hash: "$2a$04$m68Yn.fuASES0whr4xWom.wybsNX43vo1fBvAAZ137z2/.8ri38XO"
                      parties: [ "urn:epc:id:sgln:030001.111111.0" ]
                      company-prefixes: [ "030001", "0614141" ]
                  ledger:
                    enabled: true
                    consumer-group: crash-ledger-submitter
                    batch-size: 200
                    pause-after-failure: 1s
                    max-pause: 5s
                    organisations:
                      - msp-id: ManufacturerMSP
                        peer-endpoint: %s
                        tls-ca-certificate: %s
                        certificate: %s
                        private-key: %s
                logging:
                  structured:
                    format:
                      console: ""
                """.formatted(port, TestKafka.bootstrapServers(), WORK.resolve("documents"), gateway.peerEndpoint(),
                gateway.tlsCaCertificate(), manufacturer.certificatePem(), manufacturer.privateKeyPem()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
