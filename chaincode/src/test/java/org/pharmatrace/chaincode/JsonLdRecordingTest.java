package org.pharmatrace.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.chaincode.TestNetwork.DISTRIBUTOR;
import static org.pharmatrace.chaincode.TestNetwork.MANUFACTURER_USER;
import static org.pharmatrace.chaincode.TestNetwork.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.chaincode.batch.BatchEvent;
import org.pharmatrace.chaincode.batch.EpcisWiring;
import org.pharmatrace.chaincode.state.CanonicalJson;
import org.pharmatrace.epcis.hash.CbvVersion;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.model.EpcisEvent;

/** The contract as deployed: EPCIS 2.0 JSON-LD in, the hub's reader and Event Hash ID generator, rules applied. */
class JsonLdRecordingTest {

    private static final String PACK_1 = "urn:epc:id:sgtin:0312345.067890.1001";
    private static final String PACK_2 = "urn:epc:id:sgtin:0312345.067890.1002";
    private static final String CASE = "urn:epc:id:sscc:0312345.0000000001";

    private TestNetwork network;

    @BeforeEach
    void setUp() {
        network = TestNetwork.initialise(new TestNetwork(new TraceabilityContract()));
    }

    /** The test document with each event's eventID set to its Event Hash ID, as a conforming partner sends it. */
    private static ObjectNode documentWithEventIds(Function<EpcisEvent, String> hasher) throws IOException {
        String text = resource("commission-pack-ship.jsonld");
        ObjectNode document = (ObjectNode) CanonicalJson.readTree(text);
        List<BatchEvent> events = EpcisWiring.batchReader().read(text);
        JsonNode eventList = document.path("epcisBody").path("eventList");
        for (int i = 0; i < events.size(); i++) {
            ((ObjectNode) eventList.get(i)).put("eventID", hasher.apply(events.get(i).event()));
        }
        return document;
    }

    private static String resource(String name) throws IOException {
        try (java.io.InputStream in = JsonLdRecordingTest.class.getResourceAsStream("/batches/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private String submit(ObjectNode document) {
        String text = document.toString();
        return network.submit(MANUFACTURER_USER, ctx -> network.contract.recordEvents(ctx, text));
    }

    private JsonNode state(String epc) throws IOException {
        return CanonicalJson.readTree(network.state(epc));
    }

    @Nested
    class RecordEvents {

        @Test
        void whenAJsonLdBatchCarriesEventHashIdsThenEveryEventIsRecordedAndApplied() throws IOException {
            EventHashGenerator generator = new EventHashGenerator();
            ObjectNode document = documentWithEventIds(generator::eventHashId);

            JsonNode result = CanonicalJson.readTree(submit(document));

            assertThat(result.path("committed").asInt()).isEqualTo(3);
            assertThat(state(PACK_2).path("lot").asText()).isEqualTo("LOT-A");
            assertThat(state(PACK_2).path("expiry").asText()).isEqualTo("2027-06-30");
            assertThat(state(PACK_2).path("parent").asText()).isEqualTo(CASE);
            assertThat(state(PACK_1).path("inTransitTo").asText()).isEqualTo(DISTRIBUTOR);
            String commissioningHash = document.path("epcisBody").path("eventList").get(0).path("eventID").asText();
            JsonNode stored = CanonicalJson.readTree(network.stub.committedString(commissioningHash));
            assertThat(stored.path("event").path("bizStep").asText()).isEqualTo("commissioning");
            assertThat(stored.path("event").path("ilmd").path("cbvmda:lotNumber").asText()).isEqualTo("LOT-A");
            assertThat(stored.path("epcs")).hasSize(2);
        }

        @Test
        void whenAnEventIsChangedAfterItsHashWasTakenThenHashMismatch() throws IOException {
            ObjectNode document = documentWithEventIds(new EventHashGenerator()::eventHashId);
            ((ObjectNode) document.path("epcisBody").path("eventList").get(2)).put("eventTime", "2026-02-03T09:00:00.000Z");

            ChaincodeException e = catchChaincode(() -> submit(document));

            assertThat(code(e)).isEqualTo("HASH_MISMATCH");
            assertThat(e.getMessage()).contains("event #2").contains(CASE);
            assertThat(network.stub.committedString(PACK_1)).isNull();
        }

        @Test
        void whenThePartnerHashedWithCbv21ThenTheHashIsCheckedWithCbv21() throws IOException {
            ObjectNode document = documentWithEventIds(new EventHashGenerator(CbvVersion.CBV2_1)::eventHashId);

            JsonNode result = CanonicalJson.readTree(submit(document));

            assertThat(result.path("committed").asInt()).isEqualTo(3);
        }

        @Test
        void whenTheSameDocumentIsSubmittedAgainThenEveryEventIsADuplicate() throws IOException {
            ObjectNode document = documentWithEventIds(new EventHashGenerator()::eventHashId);
            submit(document);

            JsonNode result = CanonicalJson.readTree(submit(document));

            assertThat(result.path("duplicates").asInt()).isEqualTo(3);
            assertThat(result.path("committed").asInt()).isZero();
        }
    }

    private static ChaincodeException catchChaincode(Runnable action) {
        try {
            action.run();
        } catch (ChaincodeException e) {
            return e;
        }
        throw new AssertionError("no ChaincodeException");
    }
}
