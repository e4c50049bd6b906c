package org.pharmatrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A partner sees the events its organisation recorded and those naming one of its parties as source or destination;
 * a regulator sees every event; operators query nothing.
 */
class VisibilityTest extends QueryIntegrationTest {

    @Test
    void eachPartnerSeesItsOwnPartOfAPacksLife() {
        fixture();
        String pack = "/events" + query("MATCH_epc", Lifecycle.pack(1), "orderBy", "eventTime", "orderDirection", "ASC");
        assertThat(bizSteps(get(REGULATOR, pack))).containsExactly("commissioning", "packing", "unpacking", "shipping",
                "receiving", "dispensing");
        assertThat(bizSteps(get(ACME, pack))).as("what Acme recorded").containsExactly("commissioning", "packing");
        assertThat(bizSteps(get(WHOLESALER, pack))).as("its own events and the pharmacy's receipt from it")
                .containsExactly("unpacking", "shipping", "receiving");
        assertThat(bizSteps(get(PHARMACY, pack))).as("the shipment to it and its own events")
                .containsExactly("shipping", "receiving", "dispensing");
    }

    @Test
    void partiesInSourcesAndDestinationsOpenAnEventToTheirOrganisation() {
        fixture();
        String caseEvents = "/events" + query("MATCH_epc", Lifecycle.CASE, "orderBy", "eventTime", "orderDirection", "ASC");
        // The case's shipment (recorded by Acme) names the wholesaler as destination, the wholesaler's receipt names
        // Acme as source: each sees the other's event of that transfer.
        assertThat(bizSteps(get(ACME, caseEvents))).containsExactly("shipping", "receiving");
        assertThat(bizSteps(get(WHOLESALER, caseEvents))).containsExactly("shipping", "receiving");
        assertThat(bizSteps(get(PHARMACY, caseEvents))).isEmpty();
    }

    @Test
    void anEventOutsideTheCallersViewIsNotFound() {
        Fixture f = fixture();
        String dispensing = f.lifecycle.get(2).events().get(1).eventHash();
        assertThat(get(PHARMACY, "/events/" + encode(dispensing)).statusCode()).isEqualTo(200);
        assertThat(get(ACME, "/events/" + encode(dispensing)).statusCode()).isEqualTo(404);
        assertThat(get(WHOLESALER, "/events/" + encode(dispensing)).statusCode()).isEqualTo(404);
        assertThat(get(REGULATOR, "/events/" + encode(dispensing)).statusCode()).isEqualTo(200);
    }

    @Test
    void aRegulatorSeesEveryIndexedEvent() throws Exception {
        Fixture f = fixture();
        int all = 0;
        String url = "/events?perPage=1000";
        HttpResponse<String> page = get(REGULATOR, url);
        all += eventIds(page).size();
        assertThat(page.headers().firstValue("Link")).isEmpty();
        assertThat(all).isGreaterThanOrEqualTo(f.totalEvents());
        assertThat(eventIds(get(PHARMACY, "/events?perPage=1000")).size()).isLessThan(all);
    }

    @Test
    void namedQueriesAndReportsFollowTheSameRules() {
        fixture();
        HttpResponse<String> created = send(ACME, "POST", "/queries",
                "{\"name\": \"acme-dispensed\", \"query\": {\"EQ_disposition\": [\"dispensed\"]}}",
                "Content-Type", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(eventIds(get(ACME, "/queries/acme-dispensed/events"))).isEmpty();
        assertThat(get(PHARMACY, "/queries/acme-dispensed").statusCode()).as("another's query").isEqualTo(404);
        assertThat(get(PHARMACY, "/reports/custody/" + encode(Lifecycle.pack(1))).statusCode()).isEqualTo(403);
        assertThat(get(OPERATOR, "/queries").statusCode()).isEqualTo(403);
        send(ACME, "DELETE", "/queries/acme-dispensed", null);
    }

    private static List<String> bizSteps(HttpResponse<String> response) {
        return events(response).stream().map(e -> e.path("bizStep").asText()).toList();
    }
}
