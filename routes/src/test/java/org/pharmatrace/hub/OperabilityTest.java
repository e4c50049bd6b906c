package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.hub.HubClient.User.ACME;
import static org.pharmatrace.hub.HubClient.User.ANONYMOUS;
import static org.pharmatrace.hub.HubClient.User.OPS;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.HubClient.Answer;

/** Health for the platform's probes, Prometheus figures per route and per partner. */
class OperabilityTest extends HubIntegrationTest {

    @Test
    void healthIsOpenAndShowsItsComponentsToOperators() {
        Answer open = hub().get("/actuator/health", ANONYMOUS);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().get("status").asText()).isEqualTo("UP");
        assertThat(open.json().has("components")).isFalse();

        JsonNode detailed = hub().get("/actuator/health", OPS).json();
        assertThat(detailed.at("/components/kafka/status").asText()).isEqualTo("UP");
        assertThat(detailed.at("/components/kafka/details/brokers").asInt()).isEqualTo(1);
        assertThat(detailed.at("/components/documentStore/status").asText()).isEqualTo("UP");
        assertThat(hub().get("/actuator/health/readiness", ANONYMOUS).status()).isEqualTo(200);
    }

    @Test
    void prometheusHasFiguresPerPartnerAndPerRoute() {
        assertThat(hub().post("/events", ACME, TestDocuments.commissioning(1), "application/ld+json").status())
                .isEqualTo(201);

        Answer metrics = hub().get("/actuator/prometheus", ANONYMOUS);

        assertThat(metrics.status()).isEqualTo(200);
        String text = metrics.response().body();
        assertThat(text).containsPattern("hub_events_received_total\\{[^}]*partner=\"acme\"");
        assertThat(text).containsPattern("hub_events_accepted_total\\{[^}]*channel=\"http\"[^}]*partner=\"acme\"");
        assertThat(text).containsPattern("hub_documents_total\\{[^}]*outcome=\"accepted\"");
        assertThat(text).containsPattern("camel_exchanges_total\\{[^}]*routeId=\"publish-canonical-event\"");
    }
}
