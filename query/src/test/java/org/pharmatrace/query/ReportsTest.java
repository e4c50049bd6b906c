package org.pharmatrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The regulator's reports: chain of custody of a serial, reach of a lot recall. */
class ReportsTest extends QueryIntegrationTest {

    @Test
    void theCustodyOfADispensedPackFollowsItThroughItsCaseToThePatient() {
        fixture();
        JsonNode report = custody(Lifecycle.pack(1));
        assertThat(report.path("canonicalEpc").asText()).isEqualTo(Lifecycle.packDigitalLink(1));
        assertThat(report.path("containers")).hasSize(1);
        assertThat(report.path("containers").get(0).path("container").asText()).isEqualTo("https://id.gs1.org/00/003123450000000011");
        List<String> steps = new ArrayList<>();
        List<String> via = new ArrayList<>();
        report.path("events").forEach(e -> {
            steps.add(e.path("bizStep").asText());
            via.add(e.path("via").isNull() ? "" : "case");
            assertThat(e.path("ledger").path("transactionId").asText()).hasSize(64);
        });
        assertThat(steps).containsExactly("commissioning", "packing", "shipping", "receiving", "unpacking", "shipping",
                "receiving", "dispensing");
        assertThat(via).containsExactly("", "", "case", "case", "", "", "", "");
        assertThat(parties(report.path("owners"))).containsExactly(Lifecycle.ACME_PARTY, Lifecycle.WHOLESALER_PARTY,
                Lifecycle.PHARMACY_PARTY);
        assertThat(organisations(report.path("owners"))).containsExactly("AcmeMSP", "WholesalerMSP", "PharmacyMSP");
        assertThat(report.path("transfers")).hasSize(4);
        assertThat(report.path("transfers").get(0).path("bizTransactions").get(0).path("id").asText()).isEqualTo(Lifecycle.PO);
        assertThat(report.path("current").path("dispensed").asBoolean()).isTrue();
        assertThat(report.path("current").path("locationOrganisation").asText()).isEqualTo("PharmacyMSP");
    }

    @Test
    void aPackLeftAtTheWholesalerIsThere() {
        fixture();
        JsonNode report = custody(Lifecycle.packDigitalLink(7));
        assertThat(organisations(report.path("owners"))).containsExactly("AcmeMSP", "WholesalerMSP");
        assertThat(report.path("current").path("bizLocation").asText()).isEqualTo("https://id.gs1.org/414/0399993456780");
        assertThat(report.path("current").path("dispensed").asBoolean()).isFalse();
    }

    @Test
    void theDscsaPackIsFollowedThroughItsCaseAndPallet() {
        fixture();
        JsonNode report = custody("urn:epc:id:sgtin:030001.0012345.11");
        List<String> containers = new ArrayList<>();
        report.path("containers").forEach(c -> containers.add(c.path("container").asText()));
        assertThat(containers).containsExactly("https://id.gs1.org/01/10300010123452/21/110",
                "https://id.gs1.org/00/403000112345678901");
        assertThat(organisations(report.path("owners"))).containsExactly("AcmeMSP", "WholesalerMSP");
        assertThat(report.path("events").get(report.path("events").size() - 1).path("bizStep").asText()).isEqualTo("shipping");
    }

    @Test
    void theRecallReachOfALotSaysWhereEveryUnitIsAndWhichWereDispensed() {
        fixture();
        HttpResponse<String> response = get(REGULATOR, "/reports/recall-reach" + query("gtin", Lifecycle.GTIN, "lot", Lifecycle.LOT));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode reach = json(response);
        JsonNode units = reach.path("units");
        assertThat(units).hasSize(10);
        Map<String, JsonNode> byPack = new HashMap<>();
        units.forEach(u -> byPack.put(u.path("urn").asText(), u));
        for (int i = 1; i <= 2; i++) {
            JsonNode u = byPack.get(Lifecycle.pack(i));
            assertThat(u.path("status").asText()).isEqualTo("dispensed");
            assertThat(u.path("dispensed").path("by").asText()).isEqualTo("PharmacyMSP");
            assertThat(u.path("dispensed").path("location").asText()).isEqualTo("https://id.gs1.org/414/0377777000107");
        }
        JsonNode atPharmacy = byPack.get(Lifecycle.pack(4));
        assertThat(atPharmacy.path("dispensed").isNull()).isTrue();
        assertThat(atPharmacy.path("locationOrganisation").asText()).isEqualTo("PharmacyMSP");
        assertThat(atPharmacy.path("owner").path("organisation").asText()).isEqualTo("PharmacyMSP");
        JsonNode atWholesaler = byPack.get(Lifecycle.pack(9));
        assertThat(atWholesaler.path("lastKnownLocation").asText()).isEqualTo("https://id.gs1.org/414/0399993456780");
        assertThat(atWholesaler.path("owner").path("party").asText()).isEqualTo(Lifecycle.WHOLESALER_PARTY);
        assertThat(atWholesaler.path("owner").path("organisation").asText()).isEqualTo("WholesalerMSP");
        JsonNode summary = reach.path("summary");
        assertThat(summary.path("units").asInt()).isEqualTo(10);
        assertThat(summary.path("dispensed").asInt()).isEqualTo(2);
        assertThat(summary.path("notDispensedByOrganisation").path("WholesalerMSP").asInt()).isEqualTo(6);
    }

    @Test
    void aLotThatNeverLeftTheManufacturerIsAllThere() {
        fixture();
        JsonNode reach = json(get(REGULATOR, "/reports/recall-reach" + query("gtin", Lifecycle.GTIN, "lot", Lifecycle.OTHER_LOT)));
        assertThat(reach.path("units")).hasSize(3);
        reach.path("units").forEach(u -> {
            assertThat(u.path("locationOrganisation").asText()).isEqualTo("AcmeMSP");
            assertThat(u.path("owner").isNull()).isTrue();
        });
    }

    @Test
    void reportsAreForRegulatorsAndCheckTheirParameters() {
        fixture();
        assertThat(get(PHARMACY, "/reports/recall-reach" + query("gtin", Lifecycle.GTIN, "lot", Lifecycle.LOT)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> badGtin = get(REGULATOR, "/reports/recall-reach" + query("gtin", "00312345678900", "lot", "X"));
        assertThat(badGtin.statusCode()).isEqualTo(400);
        assertThat(json(badGtin).path("parameter").asText()).isEqualTo("gtin");
        assertThat(get(REGULATOR, "/reports/custody/" + encode("urn:epc:id:sgtin:0312345.067890.NEVER")).statusCode())
                .isEqualTo(404);
    }

    private JsonNode custody(String epc) {
        HttpResponse<String> response = get(REGULATOR, "/reports/custody/" + encode(epc));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> parties(JsonNode owners) {
        List<String> parties = new ArrayList<>();
        owners.forEach(o -> parties.add(o.path("party").asText()));
        return parties;
    }

    private static List<String> organisations(JsonNode owners) {
        List<String> organisations = new ArrayList<>();
        owners.forEach(o -> organisations.add(o.path("organisation").asText()));
        return organisations;
    }
}
