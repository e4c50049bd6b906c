package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.hub.HubClient.User.ACME;
import static org.pharmatrace.hub.HubClient.User.OPS;
import static org.pharmatrace.hub.HubClient.User.PHARMACY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.HubClient.Answer;

/** The DLQ API: list, show, discard, reprocess; a partner handles its own entries, an operator everyone's. */
class DeadLetterApiTest extends HubIntegrationTest {

    @Test
    void entriesAreListedShownAndDiscarded() {
        String captureId = captureWithInvalidEvents(Set.of(1), Set.of(2));

        JsonNode mine = hub().get("/dlq?captureID=" + captureId, ACME).json();
        assertThat(mine.get("count").asInt()).isEqualTo(2);
        assertThat(mine.get("entries")).extracting(e -> e.get("id").asText())
                .containsExactlyInAnyOrder(captureId + "-e1", captureId + "-e2");
        assertThat(hub().get("/dlq?captureID=" + captureId, PHARMACY).json().get("count").asInt()).isZero();
        assertThat(hub().get("/dlq?captureID=" + captureId + "&partner=acme", OPS).json().get("count").asInt())
                .isEqualTo(2);

        String entry = captureId + "-e2";
        assertThat(hub().delete("/dlq/" + entry, PHARMACY).status()).isEqualTo(404);
        Answer discarded = hub().delete("/dlq/" + entry, OPS);
        assertThat(discarded.status()).isEqualTo(200);
        assertThat(discarded.json().get("status").asText()).isEqualTo("discarded");
        assertThat(discarded.json().get("resolution").asText()).isEqualTo("discarded by ops");
        assertThat(discarded.json().has("payload")).isFalse();

        assertThat(hub().get("/dlq/" + entry, ACME).json().get("status").asText()).isEqualTo("discarded");
        assertThat(hub().get("/dlq?captureID=" + captureId, ACME).json().get("count").asInt()).isEqualTo(1);
        assertThat(hub().get("/dlq?status=all&captureID=" + captureId, ACME).json().get("count").asInt()).isEqualTo(2);
        assertThat(hub().delete("/dlq/" + entry, ACME).status()).isEqualTo(409);
        assertThat(hub().post("/dlq/" + entry + "/reprocess", ACME, "", "application/json").status()).isEqualTo(409);
    }

    @Test
    void anEventReprocessedUnchangedIsRefusedAgainAndStaysOpen() {
        String captureId = captureWithInvalidEvents(Set.of(1), Set.of());
        String entry = captureId + "-e1";

        Answer again = hub().post("/dlq/" + entry + "/reprocess", ACME, "", "application/json");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asText()).contains("bizStep");
        JsonNode after = hub().get("/dlq/" + entry, ACME).json();
        assertThat(after.get("status").asText()).isEqualTo("open");
        assertThat(after.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void anEventReprocessedWithACorrectionJoinsItsCaptureJob() throws Exception {
        String captureId = captureWithInvalidEvents(Set.of(1), Set.of());
        String entry = captureId + "-e1";
        String corrected = hub().get("/dlq/" + entry, ACME).json().get("payload").asText()
                .replace("comissioning", "commissioning");

        Answer reprocessed = hub().post("/dlq/" + entry + "/reprocess", OPS, corrected, "application/ld+json");

        assertThat(reprocessed.status()).as(reprocessed.response().body()).isEqualTo(200);
        assertThat(reprocessed.json().get("status").asText()).isEqualTo("reprocessed");
        assertThat(reprocessed.json().get("resolution").asText()).contains("published as ni:///sha-256;")
                .contains("corrected by ops");
        JsonNode job = hub().get("/capture/" + captureId, ACME).json();
        assertThat(job.get("success").asBoolean()).isTrue();
        assertThat(job.get("acceptedCount").asInt()).isEqualTo(3);
        assertThat(job.get("rejectedCount").asInt()).isZero();
        JsonNode event = job.at("/events/1");
        assertThat(event.get("eventIndex").asInt()).isEqualTo(1);
        assertThat(event.get("deadLetter").asText()).isEqualTo(entry);
        assertThat(HttpCaptureTest.recordsOf(captureId)).hasSize(3)
                .anySatisfy(r -> assertThat(TestKafka.header(r, "eventHashId"))
                        .isEqualTo(event.get("eventHashId").asText()));
    }

    @Test
    void aRefusedDocumentReprocessedAsItIsIsRefusedAgain() {
        Answer refused = hub().post("/capture", PHARMACY,
                TestDocuments.bytes(TestDocuments.corpus(TestDocuments.GS1_OBJECT_EVENTS)), "application/ld+json");
        assertThat(refused.status()).isEqualTo(403);
        String entry = refused.json().get("deadLetter").asText();

        Answer again = hub().post("/dlq/" + entry + "/reprocess", OPS, "", "application/json");

        assertThat(again.status()).isEqualTo(403);
        assertThat(again.json().get("instance").asText()).isEqualTo("/dlq/" + entry);
        assertThat(hub().get("/dlq/" + entry, OPS).json().get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aRefusedDocumentReprocessedWithACorrectionIsCaptured() {
        Answer refused = hub().post("/capture", ACME, TestDocuments.commissioning(2, Set.of(0, 1), Set.of()),
                "application/ld+json");
        assertThat(refused.status()).isEqualTo(400);
        String entry = refused.json().get("deadLetter").asText();
        String corrected = hub().get("/dlq/" + entry, ACME).json().get("payload").asText()
                .replace("comissioning", "commissioning");

        NotifyBuilder ingested = ingestFinished();
        Answer reprocessed = hub().post("/dlq/" + entry + "/reprocess", ACME, corrected, "application/ld+json");

        assertThat(reprocessed.status()).as(reprocessed.response().body()).isEqualTo(202);
        assertThat(reprocessed.json().get("status").asText()).isEqualTo("reprocessed");
        assertThat(ingested.matches(60, TimeUnit.SECONDS)).isTrue();
        JsonNode job = hub().get(reprocessed.header("Location"), ACME).json();
        assertThat(job.get("acceptedCount").asInt()).isEqualTo(2);
        assertThat(job.get("success").asBoolean()).isTrue();
    }

    private String captureWithInvalidEvents(Set<Integer> badBizStep, Set<Integer> badEpc) {
        NotifyBuilder ingested = ingestFinished();
        Answer accepted = hub().post("/capture", ACME, TestDocuments.commissioning(3, badBizStep, badEpc)
                .getBytes(StandardCharsets.UTF_8), "application/ld+json");
        assertThat(accepted.status()).as(accepted.response().body()).isEqualTo(202);
        assertThat(ingested.matches(60, TimeUnit.SECONDS)).isTrue();
        return accepted.json().get("captureID").asText();
    }
}
