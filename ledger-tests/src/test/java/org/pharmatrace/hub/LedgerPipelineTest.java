package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.connectors.fabric.LedgerQueries;
import org.pharmatrace.hub.HubClient.Answer;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole pipeline on the real stack: HTTP capture → validation and Event Hash IDs → Kafka → ledger submitter →
 * the traceability chaincode on four peers; the capture job reports each event's transaction and block.
 */
@AutoConfigureObservability
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ledger"})
class LedgerPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HubClient.User ACME = HubClient.User.ACME;
    private static LedgerGateway reader;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws Exception {
        FabricTestNetwork.start();
        LedgerFixtures.registerCorpusParties();
        Path documents = Files.createTempDirectory("hub-documents-");
        registry.add("hub.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("hub.documents.local.directory", documents::toString);
        FabricTestNetwork.ledgerSettings(registry, "ledger-pipeline-test", FabricTestNetwork.MANUFACTURER,
                FabricTestNetwork.PHARMACY);
    }

    @BeforeAll
    static void ledgerReader() {
        FabricTestNetwork.start();
        reader = FabricTestNetwork.gateway(FabricTestNetwork.REGULATOR);
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void theGs1DscsaExampleEndsUpOnTheLedgerAndItsJobReportsTransactionAndBlockPerEvent() throws Exception {
        byte[] document = TestDocuments.bytes(TestDocuments.corpus(TestDocuments.DSCSA));
        List<String> expected = TestDocuments.eventHashIds(document);

        JsonNode job = captureUntilDone(document, "application/xml");

        assertThat(job.get("success").asBoolean()).as(job.toPrettyString()).isTrue();
        assertThat(job.get("committedCount").asInt()).isEqualTo(8);
        LedgerQueries queries = new LedgerQueries(reader);
        for (JsonNode event : job.get("events")) {
            assertThat(event.get("eventHashId").asText()).isEqualTo(expected.get(event.get("eventIndex").asInt()));
            assertThat(event.get("status").asText()).isEqualTo("committed");
            assertThat(event.get("blockNumber").asLong()).isPositive();
            JsonNode onLedger = JSON.readTree(queries.event(FabricTestNetwork.REGULATOR,
                    event.get("eventHashId").asText()).orElseThrow());
            assertThat(onLedger.get("txId").asText()).isEqualTo(event.get("transactionId").asText());
            assertThat(onLedger.get("submitter").asText()).isEqualTo(FabricTestNetwork.MANUFACTURER);
        }
    }

    @Test
    void ofTwelveEventsTenAreCommittedAndTheTwoInvalidOnesAreDeadLetteredWithTheirReasons() throws Exception {
        // Event 3 breaks the CBV (caught by validation), event 8 ships an item never commissioned (caught by the
        // chaincode): both dead-lettered, the other ten committed.
        String document = commissioningWithAnUncommissionedShipment(12, 3, 8);

        JsonNode job = captureUntilDone(document.getBytes(), "application/ld+json");

        assertThat(job.get("committedCount").asInt()).as(job.toPrettyString()).isEqualTo(10);
        assertThat(job.get("success").asBoolean()).isFalse();
        List<Integer> failed = new ArrayList<>();
        for (JsonNode error : job.get("errors")) {
            failed.add(error.get("eventIndex").asInt());
            JsonNode entry = hub().get("/dlq/" + error.get("deadLetter").asText(), ACME).json();
            assertThat(entry.get("status").asText()).isEqualTo("open");
            assertThat(entry.get("reason").asText()).isNotBlank();
            if (error.get("eventIndex").asInt() == 8) {
                assertThat(error.get("stage").asText()).isEqualTo("ledger");
                assertThat(entry.get("stage").asText()).isEqualTo("ledger");
                assertThat(entry.get("reason").asText()).contains("NOT_COMMISSIONED");
                assertThat(entry.get("payload").asText()).contains("shipping");
            } else {
                assertThat(error.get("stage").asText()).isEqualTo("validation");
                assertThat(entry.get("reason").asText()).contains("comissioning");
            }
        }
        assertThat(failed).containsOnly(3, 8).contains(3, 8);

        // Operability: what reached the ledger, how long it took, and what waits in the DLQ, per partner.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String metrics;
        do {
            Thread.sleep(500);
            metrics = hub().get("/actuator/prometheus", HubClient.User.ANONYMOUS).response().body();
        } while (!metrics.contains("hub_dead_letters_open{") && System.nanoTime() < deadline);
        assertThat(metrics).containsPattern("hub_events_ledger_total\\{[^}]*outcome=\"committed\"[^}]*partner=\"acme\"");
        assertThat(metrics).containsPattern("hub_ledger_commit_latency_seconds_count\\{[^}]*partner=\"acme\"");
        assertThat(metrics).containsPattern("hub_dead_letters_open\\{[^}]*partner=\"acme\"[^}]*stage=\"ledger\"");
        JsonNode health = hub().get("/actuator/health", HubClient.User.OPS).json();
        assertThat(health.at("/components/ledger/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/ledger/details/ManufacturerMSP/height").asLong()).isPositive();
    }

    @Test
    void theSameEventsCapturedTwiceAreRecordedOnceAndTheSecondJobNamesTheFirstTransaction() throws Exception {
        String document = TestDocuments.commissioning(4);
        JsonNode first = captureUntilDone(document.getBytes(), "application/ld+json");
        JsonNode sameDocument = hub().post("/capture", ACME, document, "application/ld+json").json();
        assertThat(sameDocument.get("captureID").asText()).isEqualTo(first.get("captureID").asText());

        // The same events in another document (another creationDate): a new capture, no new ledger records.
        JsonNode second = captureUntilDone(document.replace("2026-03-01T11:00:00Z", "2026-03-02T11:00:00Z")
                .getBytes(), "application/ld+json");
        assertThat(second.get("captureID").asText()).isNotEqualTo(first.get("captureID").asText());
        for (int i = 0; i < 4; i++) {
            JsonNode original = first.get("events").get(i);
            JsonNode again = second.get("events").get(i);
            assertThat(again.get("status").asText()).isEqualTo("duplicate");
            assertThat(again.get("transactionId").asText()).isEqualTo(original.get("transactionId").asText());
            assertThat(again.get("blockNumber").asLong()).isEqualTo(original.get("blockNumber").asLong());
            String epc = JSON.readTree(document).get("epcisBody").get("eventList").get(i).get("epcList").get(0).asText();
            JsonNode history = JSON.readTree(new LedgerQueries(reader).epcHistory(FabricTestNetwork.REGULATOR, epc));
            assertThat(history.get("events")).hasSize(1);
        }
    }

    @Test
    void withTheManufacturersPeerStoppedTheEventsWaitAndAreCommittedOnceItIsBack() throws Exception {
        String document = TestDocuments.commissioning(6);
        FabricTestNetwork.fabric("stop", "manufacturer");
        String captureId;
        try {
            Answer accepted = hub().post("/capture", ACME, document, "application/ld+json");
            assertThat(accepted.status()).isEqualTo(202);
            captureId = accepted.json().get("captureID").asText();
            Thread.sleep(5_000);
            JsonNode waiting = hub().get("/capture/" + captureId, ACME).json();
            assertThat(waiting.get("running").asBoolean()).as(waiting.toPrettyString()).isTrue();
            assertThat(waiting.get("acceptedCount").asInt()).isEqualTo(6);
            assertThat(waiting.get("committedCount").asInt()).isZero();
        } finally {
            FabricTestNetwork.fabric("start", "manufacturer");
        }
        JsonNode job = Eventually.captureFinished(hub(), captureId, Duration.ofMinutes(3));
        assertThat(job.get("success").asBoolean()).as(job.toPrettyString()).isTrue();
        assertThat(job.get("committedCount").asInt()).isEqualTo(6);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private JsonNode captureUntilDone(byte[] document, String contentType) throws InterruptedException {
        Answer accepted = hub().post("/capture", ACME, document, contentType);
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        return Eventually.captureFinished(hub(), accepted.json().get("captureID").asText(), Duration.ofMinutes(2));
    }


    private HubClient hub() {
        return new HubClient(port);
    }

    /** Commissioning events on fresh serials; {@code badCbv} misspells its bizStep, {@code shipment} ships a stranger. */
    private static String commissioningWithAnUncommissionedShipment(int count, int badCbv, int shipment)
            throws Exception {
        JsonNode document = JSON.readTree(TestDocuments.commissioning(count, Set.of(badCbv), Set.of()));
        var events = (com.fasterxml.jackson.databind.node.ArrayNode) document.get("epcisBody").get("eventList");
        var ship = (com.fasterxml.jackson.databind.node.ObjectNode) events.get(shipment);
        ship.put("action", "OBSERVE").put("bizStep", "shipping").put("disposition", "in_transit");
        ship.putArray("epcList").add("urn:epc:id:sgtin:0614141.107346.NEVER" + ThreadLocalRandom.current().nextInt(1_000_000));
        ship.putArray("destinationList").addObject()
                .put("type", "owning_party").put("destination", "urn:epc:id:sgln:039999.999999.0");
        return JSON.writeValueAsString(document);
    }
}
