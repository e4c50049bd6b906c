package org.pharmatrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.query.subscription.SubscriptionDispatcher;
import org.pharmatrace.query.subscription.Subscriptions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Named queries and webhook subscriptions: new matching events are pushed as the indexer takes them from the ledger,
 * cut to what the subscriber may see, signed, never twice, not lost while the webhook fails, not again after an
 * index rebuild.
 */
class SubscriptionTest extends QueryIntegrationTest {

    @Autowired
    Subscriptions subscriptions;

    @Test
    void namedQueriesAreCreatedListedRunAndDeleted() {
        fixture();
        HttpResponse<String> created = send(WHOLESALER, "POST", "/queries",
                "{\"name\": \"wholesaler-shipments\", \"query\": {\"EQ_bizStep\": [\"shipping\"], \"eventType\": [\"ObjectEvent\"]}}",
                "Content-Type", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/queries/wholesaler-shipments");
        assertThat(send(WHOLESALER, "POST", "/queries", "{\"name\": \"wholesaler-shipments\", \"query\": {}}",
                "Content-Type", "application/json").statusCode()).isEqualTo(409);
        HttpResponse<String> invalid = send(WHOLESALER, "POST", "/queries",
                "{\"name\": \"bad\", \"query\": {\"EQ_action\": [\"MOVE\"]}}", "Content-Type", "application/json");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("parameter").asText()).isEqualTo("EQ_action");
        assertThat(json(get(WHOLESALER, "/queries")).toString()).contains("wholesaler-shipments");
        assertThat(json(get(WHOLESALER, "/queries/wholesaler-shipments")).path("query").path("EQ_bizStep").get(0).asText())
                .isEqualTo("shipping");
        HttpResponse<String> events = get(WHOLESALER, "/queries/wholesaler-shipments/events");
        assertThat(json(events).path("epcisBody").path("queryResults").path("queryName").asText())
                .isEqualTo("wholesaler-shipments");
        assertThat(events(events)).isNotEmpty().allMatch(e -> e.path("bizStep").asText().equals("shipping"));
        assertThat(send(WHOLESALER, "DELETE", "/queries/wholesaler-shipments", null).statusCode()).isEqualTo(204);
        assertThat(get(WHOLESALER, "/queries/wholesaler-shipments").statusCode()).isEqualTo(404);
    }

    @Test
    void newMatchingEventsArePushedToTheWebhookAsTheLedgerCommitsThem() throws Exception {
        fixture();
        try (Webhook hook = new Webhook()) {
            createQuery(PHARMACY, "pharmacy-inspections", "{\"EQ_bizStep\": [\"inspecting\"]}");
            HttpResponse<String> subscribed = send(PHARMACY, "POST", "/queries/pharmacy-inspections/subscriptions",
                    "{\"dest\": \"" + hook.url() + "\", \"stream\": true, \"signatureToken\": \"pharmacy-token\"}",
                    "Content-Type", "application/json");
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            String subscriptionId = json(subscribed).path("subscriptionID").asText();
            assertThat(subscribed.headers().firstValue("Location").orElseThrow()).endsWith("/subscriptions/" + subscriptionId);
            assertThat(subscribed.body()).doesNotContain("pharmacy-token");

            InMemoryLedger.Transaction mine = ledger.commit("PharmacyMSP", List.of(inspection(5, Lifecycle.PHARMACY_BACK_OFFICE)));
            // Another organisation's inspection, at its own place: not the pharmacy's to see.
            ledger.commit("WholesalerMSP", List.of(inspection(6, Lifecycle.WHOLESALER_QUARANTINE)));
            Webhook.Delivery first = hook.next(20);
            assertThat(first).as("a delivery").isNotNull();
            JsonNode document = JSON.readTree(first.body());
            assertThat(document.path("type").asText()).isEqualTo("EPCISQueryDocument");
            JsonNode results = document.path("epcisBody").path("queryResults");
            assertThat(results.path("subscriptionID").asText()).isEqualTo(subscriptionId);
            assertThat(results.path("queryName").asText()).isEqualTo("pharmacy-inspections");
            assertThat(ids(first)).containsExactly(mine.events().get(0).eventHash());
            assertThat(results.path("resultsBody").path("eventList").get(0).path("ledger:transactionId").asText())
                    .isEqualTo(mine.txId());
            assertThat(first.header("GS1-Signature")).isEqualTo(SubscriptionDispatcher.sign("pharmacy-token",
                    first.body().getBytes(StandardCharsets.UTF_8)));

            InMemoryLedger.Transaction second = ledger.commit("PharmacyMSP", List.of(inspection(7, Lifecycle.PHARMACY_BACK_OFFICE)));
            assertThat(ids(hook.next(20))).containsExactly(second.events().get(0).eventHash());
            assertThat(hook.next(1)).as("nothing twice").isNull();
        }
    }

    @Test
    void aFailingWebhookGetsTheEventsOnceItAnswersAgain() throws Exception {
        fixture();
        try (Webhook hook = new Webhook()) {
            createQuery(WHOLESALER, "wholesaler-inspections", "{\"EQ_bizStep\": [\"inspecting\"]}");
            subscribe(WHOLESALER, "wholesaler-inspections", hook);
            hook.answer(503);
            InMemoryLedger.Transaction tx = ledger.commit("WholesalerMSP", List.of(inspection(8, Lifecycle.WHOLESALER_QUARANTINE)));
            long deadline = System.currentTimeMillis() + 20_000;
            while (hook.refused() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(hook.refused()).isPositive();
            hook.answer(200);
            Webhook.Delivery delivered = hook.next(30);
            assertThat(delivered).isNotNull();
            assertThat(ids(delivered)).containsExactly(tx.events().get(0).eventHash());
            assertThat(hook.next(2)).isNull();
        }
    }

    @Test
    void afterAnIndexRebuildOnlyNewEventsAreDelivered() throws Exception {
        fixture();
        try (Webhook hook = new Webhook()) {
            createQuery(REGULATOR, "regulator-destructions", "{\"EQ_bizStep\": [\"destroying\"]}");
            subscribe(REGULATOR, "regulator-destructions", hook);
            InMemoryLedger.Transaction first = ledger.commit("PharmacyMSP", List.of(destruction(9)));
            assertThat(ids(hook.next(20))).containsExactly(first.events().get(0).eventHash());
            // Delivery is at least once: a rebuild between the webhook's answer and the cursor's update would
            // deliver the event again. The test rebuilds once the dispatcher has recorded the delivery.
            awaitNotified("regulator-destructions");
            indexer.rebuild();
            awaitIndexed();
            InMemoryLedger.Transaction second = ledger.commit("PharmacyMSP", List.of(destruction(10)));
            assertThat(ids(hook.next(20))).containsExactly(second.events().get(0).eventHash());
            assertThat(hook.next(2)).isNull();
        }
    }

    private void awaitNotified(String queryName) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (subscriptions.all().stream().anyMatch(s -> s.queryName().equals(queryName)
                    && s.lastNotifiedAt() != null)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the dispatcher never recorded a delivery for " + queryName);
    }

    @Test
    void aScheduledSubscriptionReportsEvenWhenEmptyIfAsked() throws Exception {
        fixture();
        try (Webhook hook = new Webhook()) {
            createQuery(ACME, "acme-nothing", "{\"EQ_bizStep\": [\"repairing\"]}");
            HttpResponse<String> subscribed = send(ACME, "POST", "/queries/acme-nothing/subscriptions",
                    "{\"dest\": \"" + hook.url() + "\", \"schedule\": {\"second\": \"*/2\"}, \"reportIfEmpty\": true}",
                    "Content-Type", "application/json");
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            assertThat(json(subscribed).path("schedule").path("second").asText()).isEqualTo("*/2");
            Webhook.Delivery empty = hook.next(20);
            assertThat(empty).isNotNull();
            assertThat(ids(empty)).isEmpty();
            String id = json(subscribed).path("subscriptionID").asText();
            assertThat(send(ACME, "DELETE", "/queries/acme-nothing/subscriptions/" + id, null).statusCode()).isEqualTo(204);
            assertThat(get(ACME, "/queries/acme-nothing/subscriptions/" + id).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void subscriptionsAreCheckedBeforeTheyAreTaken() throws Exception {
        fixture();
        createQuery(PHARMACY, "pharmacy-checked", "{\"EQ_bizStep\": [\"receiving\"]}");
        HttpResponse<String> elsewhere = send(PHARMACY, "POST", "/queries/pharmacy-checked/subscriptions",
                "{\"dest\": \"https://collector.example.net/hook\", \"stream\": true}", "Content-Type", "application/json");
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(json(elsewhere).path("type").asText()).isEqualTo("epcisException:SubscriptionControlsException");
        assertThat(json(elsewhere).path("parameter").asText()).isEqualTo("dest");
        HttpResponse<String> both = send(PHARMACY, "POST", "/queries/pharmacy-checked/subscriptions",
                "{\"dest\": \"http://127.0.0.1:9/hook\", \"stream\": true, \"schedule\": {\"hour\": \"1\"}}",
                "Content-Type", "application/json");
        assertThat(both.statusCode()).isEqualTo(400);
        HttpResponse<String> badSchedule = send(PHARMACY, "POST", "/queries/pharmacy-checked/subscriptions",
                "{\"dest\": \"http://127.0.0.1:9/hook\", \"schedule\": {\"hour\": \"25\"}}", "Content-Type", "application/json");
        assertThat(badSchedule.statusCode()).isEqualTo(400);
        assertThat(json(badSchedule).path("parameter").asText()).isEqualTo("schedule");
        assertThat(send(ACME, "POST", "/queries/pharmacy-checked/subscriptions",
                "{\"dest\": \"http://127.0.0.1:9/hook\", \"stream\": true}", "Content-Type", "application/json")
                .statusCode()).as("another's query").isEqualTo(404);
        assertThat(websocketHandshake("/queries/pharmacy-checked/events?stream=true")).contains(" 501 ");
    }

    /** The status line a WebSocket handshake gets (the JDK's HTTP client will not send Upgrade: websocket). */
    private String websocketHandshake(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            String auth = java.util.Base64.getEncoder().encodeToString(PHARMACY.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
        }
    }

    private void createQuery(String credentials, String name, String query) {
        HttpResponse<String> created = send(credentials, "POST", "/queries",
                "{\"name\": \"" + name + "\", \"query\": " + query + "}", "Content-Type", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private void subscribe(String credentials, String name, Webhook hook) {
        HttpResponse<String> subscribed = send(credentials, "POST", "/queries/" + name + "/subscriptions",
                "{\"dest\": \"" + hook.url() + "\", \"stream\": true}", "Content-Type", "application/json");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
    }

    private static org.pharmatrace.epcis.model.EpcisEvent inspection(int pack, String where) {
        return Lifecycle.object("2024-03-10T10:00:0" + (pack % 10) + ".000Z", Action.OBSERVE, "inspecting", "active",
                where, List.of(Lifecycle.scratchPack(pack)));
    }

    private static org.pharmatrace.epcis.model.EpcisEvent destruction(int pack) {
        return Lifecycle.object("2024-03-11T10:00:" + (10 + pack) + ".000Z", Action.DELETE, "destroying", "destroyed",
                Lifecycle.PHARMACY_BACK_OFFICE, List.of(Lifecycle.scratchPack(pack)));
    }

    private static List<String> ids(Webhook.Delivery delivery) throws Exception {
        assertThat(delivery).isNotNull();
        List<String> ids = new ArrayList<>();
        JSON.readTree(delivery.body()).path("epcisBody").path("queryResults").path("resultsBody").path("eventList")
                .forEach(e -> ids.add(e.path("eventID").asText()));
        return ids;
    }
}
