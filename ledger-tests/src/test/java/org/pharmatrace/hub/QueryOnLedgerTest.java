package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pharmatrace.query.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query side on the real ledger: the index is fed only by committed transactions (the chaincode's events and
 * {@code getEvents}), every exported event carries its transaction and block, verification asks the peers and
 * catches an index row altered in PostgreSQL, and the index rebuilt from the ledger alone holds the same events.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hub.query.enabled=true")
@ActiveProfiles({"test", "ledger"})
@DirtiesContext
class QueryOnLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE = TestPostgres.get().newDatabase("ledger");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        FabricTestNetwork.start();
        LedgerFixtures.registerCorpusParties();
        String run = UUID.randomUUID().toString().substring(0, 8);
        registry.add("hub.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        FabricTestNetwork.ownTopics(registry, "query-test-" + run);
        registry.add("hub.query.datasource.url", () -> DATABASE);
        registry.add("hub.documents.local.directory", () -> FabricTestNetwork.root()
                .resolve("ledger-tests/target/query-test-documents").toString());
        FabricTestNetwork.ledgerSettings(registry, "query-test-" + run, FabricTestNetwork.MANUFACTURER,
                FabricTestNetwork.REGULATOR);
    }

    @Test
    void committedEventsAreQueriedWithTheirProofVerifiedOnTheLedgerAndRebuiltFromItAlone() throws Exception {
        HubClient hub = new HubClient(port);
        String document = TestDocuments.commissioning(3);
        HubClient.Answer accepted = hub.post("/capture", HubClient.User.ACME, document, "application/ld+json");
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = Eventually.captureFinished(hub, accepted.json().get("captureID").asText(),
                Duration.ofMinutes(2));
        assertThat(job.get("committedCount").asInt()).as(job.toPrettyString()).isEqualTo(3);
        String epc = JSON.readTree(document).at("/epcisBody/eventList/1/epcList/0").asText();
        JsonNode committed = job.get("events").get(1);

        // The regulator's query finds the event once the indexer has read its transaction from the ledger.
        JsonNode answer = Eventually.until(() -> regulator("/events?MATCH_epc=" + encode(epc)),
                a -> a.at("/epcisBody/queryResults/resultsBody/eventList").size() == 1, "the index to have the event",
                Duration.ofMinutes(2));
        JsonNode event = answer.at("/epcisBody/queryResults/resultsBody/eventList/0");
        assertThat(event.get("eventID").asText()).isEqualTo(committed.get("eventHashId").asText());
        assertThat(event.get("ledger:transactionId").asText()).isEqualTo(committed.get("transactionId").asText());
        assertThat(event.get("ledger:blockNumber").asText()).isEqualTo(committed.get("blockNumber").asText());
        assertThat(event.get("ledger:recordedBy").asText()).isEqualTo(FabricTestNetwork.MANUFACTURER);

        // Verification asks the peers; a row altered in PostgreSQL is caught.
        String id = encode(committed.get("eventHashId").asText());
        JsonNode verification = regulator("/events/" + id + "/verification");
        assertThat(verification.get("status").asText()).as(verification.toPrettyString()).isEqualTo("verified");
        execute("update epcis_event set biz_step = 'urn:epcglobal:cbv:bizstep:destroying' where event_hash = '"
                + committed.get("eventHashId").asText() + "'");
        JsonNode tampered = regulator("/events/" + id + "/verification");
        assertThat(tampered.get("status").asText()).as(tampered.toPrettyString()).isEqualTo("tampered");

        // Rebuilt from the ledger alone: the altered row is gone, the event is back as the ledger holds it.
        assertThat(hub.post("/index/rebuild", HubClient.User.OPS, "", "application/json").status()).isEqualTo(202);
        Eventually.until(() -> regulator("/events/" + id + "/verification"),
                v -> "verified".equals(v.path("status").asText()), "the rebuilt index to verify the event",
                Duration.ofMinutes(2));
        JsonNode rebuilt = regulator("/events?MATCH_epc=" + encode(epc));
        assertThat(rebuilt.at("/epcisBody/queryResults/resultsBody/eventList/0/ledger:transactionId").asText())
                .isEqualTo(committed.get("transactionId").asText());
    }

    private JsonNode regulator(String path) {
        return JSON.valueToTree(new HubClient(port).get(path, HubClient.User.REGULATOR).json());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = TestPostgres.get().superuser(DATABASE);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

}
