package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.fabric.EventBatchSubmitter;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.connectors.fabric.SubmitRetryPolicy;
import org.pharmatrace.gs1.Gs1Key;
import org.pharmatrace.verification.LedgerProductStatusLookup;
import org.pharmatrace.verification.ProductIdentifier;
import org.pharmatrace.verification.ProductStatus;

/** Product verification answered by the chaincode's {@code verify} on the real peers, for a pack commissioned there. */
class ProductVerificationLedgerTest {

    private static LedgerGateway gateway;

    @BeforeAll
    static void network() {
        FabricTestNetwork.start();
        LedgerFixtures.registerCorpusParties();
        gateway = FabricTestNetwork.gateway(FabricTestNetwork.MANUFACTURER, FabricTestNetwork.PHARMACY,
                FabricTestNetwork.REGULATOR);
    }

    /** A pack of its own lot, commissioned by the manufacturer with lot and expiry 2030-06-30 in its ILMD. */
    private record Pack(Gs1Key key, String lot) {
    }

    private static Pack commissionAPack() throws Exception {
        long run = ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L);
        String epc = "urn:epc:id:sgtin:0614141.107346.V" + run;
        String lot = "LOT" + run;
        String document = """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T11:00:00Z",
                 "epcisBody": {"eventList": [
                   {"type": "ObjectEvent", "eventTime": "2026-03-01T10:00:00.000Z", "eventTimeZoneOffset": "+01:00",
                    "epcList": ["%s"], "action": "ADD", "bizStep": "commissioning", "disposition": "active",
                    "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.1234"},
                    "ilmd": {"cbvmda:lotNumber": "%s", "cbvmda:itemExpirationDate": "2030-06-30"}}]}}
                """.formatted(epc, lot);
        new EventBatchSubmitter(gateway, SubmitRetryPolicy.defaults())
                .submit(FabricTestNetwork.MANUFACTURER, LedgerFixtures.batch(document).document());
        return new Pack(Gs1Key.parse(epc), lot);
    }

    @AfterAll
    static void close() {
        gateway.close();
    }

    @Test
    void thePharmacyVerifiesTheCommissionedPackAndTellsWrongLotExpiryAndUnknownSerialsApart() throws Exception {
        LedgerProductStatusLookup lookup = new LedgerProductStatusLookup(gateway, FabricTestNetwork.PHARMACY);
        Pack pack = commissionAPack();
        Gs1Key key = pack.key();
        String lot = pack.lot();

        assertThat(lookup.statusOf(ProductIdentifier.of(key.gtin(), key.serial(), lot, "300630", 2026)))
                .isEqualTo(ProductStatus.ACTIVE);
        assertThat(lookup.statusOf(ProductIdentifier.of(key.gtin(), key.serial(), "OTHER", "300630", 2026)))
                .isEqualTo(ProductStatus.MISMATCHED_LOT);
        assertThat(lookup.statusOf(ProductIdentifier.of(key.gtin(), key.serial(), lot, "310101", 2026)))
                .isEqualTo(ProductStatus.MISMATCHED_EXPIRY);
        assertThat(lookup.statusOf(ProductIdentifier.of(key.gtin(), key.serial() + "X", null, null, 2026)))
                .isEqualTo(ProductStatus.UNKNOWN);
    }

    @Test
    void aLotRecalledByTheRegulatorVerifiesAsRecalled() throws Exception {
        Pack pack = commissionAPack();
        Gs1Key key = pack.key();
        String lot = pack.lot();
        gateway.contract(FabricTestNetwork.REGULATOR).submitTransaction("recall", key.gtin(), lot);

        assertThat(new LedgerProductStatusLookup(gateway, FabricTestNetwork.PHARMACY)
                .statusOf(ProductIdentifier.of(key.gtin(), key.serial(), lot, null, 2026)))
                .isEqualTo(ProductStatus.RECALLED);
    }
}
