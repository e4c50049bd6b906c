package org.pharmatrace.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.chaincode.Events.DISTRIBUTOR_PGLN;
import static org.pharmatrace.chaincode.Events.GTIN;
import static org.pharmatrace.chaincode.Events.at;
import static org.pharmatrace.chaincode.Events.PHARMACY_PGLN;
import static org.pharmatrace.chaincode.Events.commission;
import static org.pharmatrace.chaincode.Events.decommission;
import static org.pharmatrace.chaincode.Events.destroy;
import static org.pharmatrace.chaincode.Events.dispense;
import static org.pharmatrace.chaincode.Events.distributorSscc;
import static org.pharmatrace.chaincode.Events.hold;
import static org.pharmatrace.chaincode.Events.pack;
import static org.pharmatrace.chaincode.Events.receive;
import static org.pharmatrace.chaincode.Events.release;
import static org.pharmatrace.chaincode.Events.sgtin;
import static org.pharmatrace.chaincode.Events.ship;
import static org.pharmatrace.chaincode.Events.sscc;
import static org.pharmatrace.chaincode.Events.unpack;
import static org.pharmatrace.chaincode.Events.voidShipping;
import static org.pharmatrace.chaincode.TestNetwork.DISTRIBUTOR;
import static org.pharmatrace.chaincode.TestNetwork.DISTRIBUTOR_USER;
import static org.pharmatrace.chaincode.TestNetwork.MANUFACTURER;
import static org.pharmatrace.chaincode.TestNetwork.MANUFACTURER_USER;
import static org.pharmatrace.chaincode.TestNetwork.PHARMACY;
import static org.pharmatrace.chaincode.TestNetwork.PHARMACY_USER;
import static org.pharmatrace.chaincode.TestNetwork.REGULATOR;
import static org.pharmatrace.chaincode.TestNetwork.REGULATOR_ADMIN;
import static org.pharmatrace.chaincode.TestNetwork.REGULATOR_CLERK;
import static org.pharmatrace.chaincode.TestNetwork.REGULATOR_OFFICER;
import static org.pharmatrace.chaincode.TestNetwork.code;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.chaincode.state.CanonicalJson;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.SourceDestination;

class TraceabilityContractTest {

    private static final String LOT = "LOT-A";
    private static final String EXPIRY = "2027-06-30";
    private static final String PACK_1 = sgtin("1001");
    private static final String PACK_2 = sgtin("1002");
    private static final String CASE = sscc(1);
    private static final String PALLET = sscc(2);

    private TestNetwork network;

    @BeforeEach
    void setUp() {
        network = TestNetwork.initialised();
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode json(String text) {
        try {
            return CanonicalJson.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode state(String epc) {
        return json(network.state(epc));
    }

    private String hashOf(EpcisEvent event) {
        return network.hashes.eventHashId(event);
    }

    private void commissionTwoPacks() {
        network.record(MANUFACTURER_USER, commission(LOT, EXPIRY, PACK_1, PACK_2));
    }

    /** Manufacturer commissions two packs, packs them in a case and ships the case to the distributor. */
    private void shipCaseToDistributor() {
        network.record(MANUFACTURER_USER, commission(LOT, EXPIRY, PACK_1, PACK_2), pack(CASE, PACK_1, PACK_2),
                ship(DISTRIBUTOR_PGLN, CASE));
    }

    private List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asText()));
        return values;
    }

    // ---------------------------------------------------------------- administration

    @Nested
    class Init {

        @Test
        void whenTheRegulatorMspIsNamedThenItIsStoredOnce() {
            TestNetwork fresh = new TestNetwork();
            String txId = fresh.nextTxId();

            String result = fresh.submit(REGULATOR_OFFICER, ctx -> fresh.contract.init(ctx, REGULATOR));

            assertThat(result).isEqualTo("{\"initialisedBy\":\"RegulatorMSP\",\"regulatorMspId\":\"RegulatorMSP\",\"txId\":\""
                    + txId + "\"}");
            assertThat(fresh.stub.worldState()).hasSize(1);
        }

        @Test
        void whenInitRunsTwiceThenAlreadyInitialised() {
            ChaincodeException e = catchChaincode(
                    () -> network.submit(MANUFACTURER_USER, ctx -> network.contract.init(ctx, MANUFACTURER)));

            assertThat(code(e)).isEqualTo("ALREADY_INITIALISED");
        }

        @Test
        void whenEventsArriveBeforeInitThenNotInitialised() {
            TestNetwork fresh = new TestNetwork();

            ChaincodeException e = fresh.recordRejected(MANUFACTURER_USER, commission(LOT, EXPIRY, PACK_1));

            assertThat(code(e)).isEqualTo("NOT_INITIALISED");
        }
    }

    @Nested
    class RegisterCompanyPrefix {

        @Test
        void whenARegistrarRegistersAPrefixThenTheRecordIsStored() {
            String txId = network.nextTxId();

            String result = network.submit(REGULATOR_ADMIN,
                    ctx -> network.contract.registerCompanyPrefix(ctx, "0355555", PHARMACY));

            assertThat(result).isEqualTo("{\"companyPrefix\":\"0355555\",\"mspId\":\"PharmacyMSP\","
                    + "\"registeredBy\":\"RegulatorMSP\",\"txId\":\"" + txId + "\"}");
            assertThat(network.stub.committedString(network.stub.createCompositeKey("prefix", "0355555").toString()))
                    .isEqualTo(result);
        }

        @Test
        void whenATradingPartnerRegistersAPrefixThenNotAuthorised() {
            ChaincodeException e = catchChaincode(() -> network.submit(MANUFACTURER_USER,
                    ctx -> network.contract.registerCompanyPrefix(ctx, "0399999", MANUFACTURER)));

            assertThat(code(e)).isEqualTo("NOT_AUTHORISED");
            assertThat(network.stub.committedCompositeKeys("prefix", "0399999")).isEmpty();
        }

        @Test
        void whenARegulatorIdentityWithoutRoleOrAdminAttributeRegistersThenNotAuthorised() {
            ChaincodeException e = catchChaincode(() -> network.submit(REGULATOR_CLERK,
                    ctx -> network.contract.registerCompanyPrefix(ctx, "0399999", MANUFACTURER)));

            assertThat(code(e)).isEqualTo("NOT_AUTHORISED");
        }

        @Test
        void whenAPrefixExtendsARegisteredOneThenInvalidArgumentAndNoOtherOrganisationCanCommissionItsSerials() {
            network.record(MANUFACTURER_USER, commission(LOT, EXPIRY, PACK_1));

            ChaincodeException e = catchChaincode(() -> network.submit(REGULATOR_ADMIN,
                    ctx -> network.contract.registerCompanyPrefix(ctx, "031234567", DISTRIBUTOR)));

            assertThat(code(e)).isEqualTo("INVALID_ARGUMENT");
            assertThat(e.getMessage()).isEqualTo("INVALID_ARGUMENT: company prefix '031234567' overlaps company prefix"
                    + " '0312345' registered to ManufacturerMSP; GS1 company prefixes never start with one another");
            assertThat(network.stub.committedCompositeKeys("prefix", "031234567")).isEmpty();
            ChaincodeException second = network.recordRejected(DISTRIBUTOR_USER,
                    commission("LOT-B", EXPIRY, "https://id.gs1.org/01/00312345678906/21/1001"));
            assertThat(code(second)).isEqualTo("NOT_GTIN_OWNER");
        }

        @Test
        void whenAPrefixIsTheStartOfARegisteredOneThenInvalidArgument() {
            ChaincodeException e = catchChaincode(() -> network.submit(REGULATOR_ADMIN,
                    ctx -> network.contract.registerCompanyPrefix(ctx, "031234", PHARMACY)));

            assertThat(code(e)).isEqualTo("INVALID_ARGUMENT");
            assertThat(e.getMessage()).contains("'031234' overlaps company prefix '0312345' registered to ManufacturerMSP");
            assertThat(network.stub.committedCompositeKeys("prefix", "031234")).isEmpty();
        }

        @Test
        void whenTheSamePrefixIsRegisteredAgainThenItIsNoOverlap() {
            String result = network.submit(REGULATOR_ADMIN,
                    ctx -> network.contract.registerCompanyPrefix(ctx, Events.MANUFACTURER_PREFIX, MANUFACTURER));

            assertThat(json(result).path("companyPrefix").asText()).isEqualTo(Events.MANUFACTURER_PREFIX);
        }

        @Test
        void whenThePrefixIsNotSixToTwelveDigitsThenInvalidArgument() {
            ChaincodeException e = catchChaincode(() -> network.submit(REGULATOR_ADMIN,
                    ctx -> network.contract.registerCompanyPrefix(ctx, "03A", MANUFACTURER)));

            assertThat(code(e)).isEqualTo("INVALID_ARGUMENT");
        }
    }

    @Nested
    class RegisterParty {

        @Test
        void whenAPartyIsRegisteredThenItIsKeyedByItsCanonicalDigitalLink() {
            network.submit(REGULATOR_OFFICER, ctx -> network.contract.registerParty(ctx, "urn:epc:id:sgln:0355555.00001.0", PHARMACY));

            String key = network.stub.createCompositeKey("party", "https://id.gs1.org/414/0355555000013").toString();
            assertThat(json(network.stub.committedString(key)).path("mspId").asText()).isEqualTo(PHARMACY);
        }
    }

    // ---------------------------------------------------------------- recording events

    @Nested
    class RecordEventsBatch {

        @Test
        void whenAnEventNamesAnOrdinaryWebAddressWithAGs1ShortNameInItsPathThenItIsNoGs1KeyAndTheBatchIsRecorded() {
            commissionTwoPacks();
            EpcisEvent inspection = Events.object(Action.OBSERVE, "inspecting", "active",
                    "2026-02-09T08:00:00.000Z", PACK_1, "https://partner.example.com/party/acme");

            JsonNode result = json(network.record(MANUFACTURER_USER, inspection));

            assertThat(texts(result.path("events"), "status")).containsExactly("committed");
            assertThat(json(network.stub.committedString(hashOf(inspection))).path("epcs").get(0).asText())
                    .isEqualTo(PACK_1);
            assertThat(json(network.stub.committedString(hashOf(inspection))).path("epcs")).hasSize(1);
        }

        @Test
        void whenTheRegulatorRecordsEventsThenRegulatorReadOnly() {
            ChaincodeException e = network.recordRejected(REGULATOR_OFFICER, commission(LOT, EXPIRY, PACK_1));

            assertThat(code(e)).isEqualTo("REGULATOR_READ_ONLY");
            assertThat(network.stub.committedString(PACK_1)).isNull();
        }

        @Test
        void whenAnyRegulatorMspIdentityRecordsEventsThenRegulatorReadOnly() {
            assertThat(code(network.recordRejected(REGULATOR_CLERK, commission(LOT, EXPIRY, PACK_1))))
                    .isEqualTo("REGULATOR_READ_ONLY");
        }

        @Test
        void whenAnEventIdIsNotTheHashOfItsContentThenHashMismatchAndNothingIsWritten() {
            EpcisEvent good = commission(LOT, EXPIRY, PACK_1);
            EpcisEvent tampered = commission(LOT, EXPIRY, PACK_2);
            tampered.setEventId(hashOf(commission(LOT, EXPIRY, sgtin("9999"))));
            int before = network.stub.worldState().size();

            ChaincodeException e = network.recordRejected(MANUFACTURER_USER, good, tampered);

            assertThat(code(e)).isEqualTo("HASH_MISMATCH");
            assertThat(e.getMessage()).contains("event #1").contains(PACK_2);
            assertThat(network.stub.worldState()).hasSize(before);
        }

        @Test
        void whenAnEventHasNoEventIdThenMalformedBatch() {
            EpcisEvent event = commission(LOT, EXPIRY, PACK_1).setEventId(" ");

            ChaincodeException e = network.recordRejected(MANUFACTURER_USER, event);

            assertThat(code(e)).isEqualTo("MALFORMED_BATCH");
        }

        @Test
        void whenTheDocumentCannotBeReadThenMalformedBatch() {
            ChaincodeException e = catchChaincode(() -> network.submit(MANUFACTURER_USER,
                    ctx -> network.contract.recordEvents(ctx, "not a document")));

            assertThat(code(e)).isEqualTo("MALFORMED_BATCH");
        }

        @Test
        void whenABatchIsRecordedThenTheResultListsEachEventAndOneChaincodeEventIsRaised() {
            EpcisEvent first = commission(LOT, EXPIRY, PACK_1);
            EpcisEvent second = pack(CASE, PACK_1);
            String txId = network.nextTxId();

            JsonNode result = json(network.record(MANUFACTURER_USER, first, second));

            assertThat(result.path("txId").asText()).isEqualTo(txId);
            assertThat(result.path("committed").asInt()).isEqualTo(2);
            assertThat(result.path("duplicates").asInt()).isZero();
            assertThat(texts(result.path("events"), "hash")).containsExactly(hashOf(first), hashOf(second));
            assertThat(texts(result.path("events"), "status")).containsExactly("committed", "committed");
            assertThat(network.chaincodeEventNames()).containsExactly("EventsRecorded");
            assertThat(network.lastChaincodeEventPayload()).isEqualTo("{\"alerts\":[],\"committed\":[\""
                    + hashOf(first) + "\",\"" + hashOf(second) + "\"],\"txId\":\"" + txId + "\"}");
        }

        @Test
        void whenTheSameEventIsSubmittedTwiceThenItIsStoredOnceAndReportedDuplicate() {
            EpcisEvent event = commission(LOT, EXPIRY, PACK_1);
            network.record(MANUFACTURER_USER, event);
            Map<String, byte[]> before = network.stub.worldState();

            JsonNode result = json(network.record(MANUFACTURER_USER, commission(LOT, EXPIRY, PACK_1)));

            assertThat(texts(result.path("events"), "status")).containsExactly("duplicate");
            assertThat(result.path("duplicates").asInt()).isEqualTo(1);
            assertThat(result.path("committed").asInt()).isZero();
            assertThat(network.stub.worldState()).containsOnlyKeys(before.keySet().toArray(String[]::new));
            assertThat(network.lastChaincodeEventPayload()).contains("\"committed\":[]");
        }

        @Test
        void whenTheSameEventAppearsTwiceInOneBatchThenTheSecondIsADuplicate() {
            JsonNode result = json(network.record(MANUFACTURER_USER,
                    commission(LOT, EXPIRY, PACK_1), commission(LOT, EXPIRY, PACK_1)));

            assertThat(texts(result.path("events"), "status")).containsExactly("committed", "duplicate");
        }

        @Test
        void whenAnEventIsStoredThenItIsKeyedByItsHashWithTheRecordingTransaction() {
            EpcisEvent event = commission(LOT, EXPIRY, PACK_1);
            String txId = network.nextTxId();
            network.record(MANUFACTURER_USER, event);

            JsonNode stored = json(network.evaluate(REGULATOR_OFFICER, ctx -> network.contract.getEvent(ctx, hashOf(event))));

            assertThat(stored.path("hash").asText()).isEqualTo(hashOf(event));
            assertThat(stored.path("txId").asText()).isEqualTo(txId);
            assertThat(stored.path("submitter").asText()).isEqualTo(MANUFACTURER);
            assertThat(stored.path("epcs").get(0).asText()).isEqualTo(PACK_1);
            assertThat(stored.path("event").path("eventID").asText()).isEqualTo(hashOf(event));
            assertThat(network.stub.committedString(hashOf(event))).isEqualTo(CanonicalJson.toString(stored));
        }
    }

    @Nested
    class Commissioning {

        @Test
        void whenTheGtinOwnerCommissionsThenTheItemStateIsWrittenExactly() {
            EpcisEvent event = commission(LOT, EXPIRY, PACK_1);

            network.record(MANUFACTURER_USER, event);

            assertThat(network.stub.committedString(PACK_1)).isEqualTo("{\"commissionedBy\":\"ManufacturerMSP\","
                    + "\"epc\":\"urn:epc:id:sgtin:0312345.067890.1001\",\"expiry\":\"2027-06-30\","
                    + "\"gtin\":\"00312345678906\",\"lastEventHash\":\"" + hashOf(event) + "\",\"lot\":\"LOT-A\","
                    + "\"owner\":\"ManufacturerMSP\",\"recalled\":false,\"status\":\"COMMISSIONED\"}");
            assertThat(network.stub.committedCompositeKeys("gtin~lot~epc", GTIN, LOT))
                    .extracting(k -> k.getAttributes().get(2)).containsExactly(PACK_1);
        }

        @Test
        void whenAnotherOrganisationCommissionsTheGtinThenNotGtinOwner() {
            ChaincodeException e = network.recordRejected(DISTRIBUTOR_USER, commission(LOT, EXPIRY, PACK_1));

            assertThat(code(e)).isEqualTo("NOT_GTIN_OWNER");
            assertThat(e.getMessage()).contains(PACK_1).contains("event #0").contains("belongs to ManufacturerMSP");
            assertThat(network.stub.committedString(PACK_1)).isNull();
        }

        @Test
        void whenTheCompanyPrefixIsNotRegisteredThenNotGtinOwner() {
            ChaincodeException e = network.recordRejected(MANUFACTURER_USER,
                    commission(LOT, EXPIRY, "urn:epc:id:sgtin:0377777.012345.1"));

            assertThat(code(e)).isEqualTo("NOT_GTIN_OWNER");
            assertThat(e.getMessage()).contains("not registered");
        }

        @Test
        void whenASerialIsCommissionedAgainThenAlreadyCommissioned() {
            network.record(MANUFACTURER_USER, commission(LOT, EXPIRY, PACK_1));

            ChaincodeException e = network.recordRejected(MANUFACTURER_USER, commission("LOT-B", EXPIRY, PACK_1));

            assertThat(code(e)).isEqualTo("ALREADY_COMMISSIONED");
            assertThat(e.getMessage()).contains(PACK_1);
        }

        @Test
        void whenOneEventOfTheBatchBreaksARuleThenNoEventOfTheBatchIsRecorded() {
            network.record(MANUFACTURER_USER, commission(LOT, EXPIRY, PACK_1));
            EpcisEvent fine = commission(LOT, EXPIRY, PACK_2);

            network.recordRejected(MANUFACTURER_USER, fine, commission("LOT-B", EXPIRY, PACK_1));

            assertThat(network.stub.committedString(PACK_2)).isNull();
            assertThat(network.stub.committedString(hashOf(fine))).isNull();
        }

        @Test
        void whenAnItemArrivesAsDigitalLinkThenItHasTheSameKeyAsItsEpcUrn() {
            network.record(MANUFACTURER_USER,
                    commission(LOT, EXPIRY, "https://id.gs1.org/01/00312345678906/21/1001"));

            assertThat(network.stub.committedString(PACK_1)).contains("\"epc\":\"" + PACK_1 + "\"");
            assertThat(code(network.recordRejected(MANUFACTURER_USER, commission("LOT-B", EXPIRY, PACK_1))))
                    .isEqualTo("ALREADY_COMMISSIONED");
        }

        @Test
        void whenTheLotIsNotAGs1BatchLotThenMalformedBatch() {
            ChaincodeException e = network.recordRejected(MANUFACTURER_USER, commission("LOT A", EXPIRY, PACK_1));

            assertThat(code(e)).isEqualTo("MALFORMED_BATCH");
            assertThat(e.getMessage()).contains("LOT A");
        }

        @Test
        void whenTheLotHasACharacterOutsideGs1Set82ThenMalformedBatchAndNothingIsIndexed() {
            ChaincodeException e = network.recordRejected(MANUFACTURER_USER, commission("A#1", EXPIRY, PACK_1));

            assertThat(code(e)).isEqualTo("MALFORMED_BATCH");
            assertThat(e.getMessage()).endsWith("lot 'A#1' is not a GS1 batch/lot (AI 10: 1 to 20 characters of GS1"
                    + " character set 82); '#' is not allowed");
            assertThat(network.stub.committedString(PACK_1)).isNull();
            assertThat(network.stub.committedCompositeKeys("gtin~lot~epc", GTIN, "A#1")).isEmpty();
        }

        @Test
        void whenTheExpiryIsNotADateThenMalformedBatch() {
            assertThat(code(network.recordRejected(MANUFACTURER_USER, commission(LOT, "next year", PACK_1))))
                    .isEqualTo("MALFORMED_BATCH");
        }

        @Test
        void whenAnEpcBreaksGs1RulesThenInvalidEpc() {
            ChaincodeException e = network.recordRejected(MANUFACTURER_USER,
                    commission(LOT, EXPIRY, "https://id.gs1.org/01/00312345678907/21/1001"));

            assertThat(code(e)).isEqualTo("INVALID_EPC");
        }
    }

    @Nested
    class Aggregation {

        @Test
        void whenPacksArePackedThenTheyPointToTheCaseAndTheCaseListsThem() {
            commissionTwoPacks();

            network.record(MANUFACTURER_USER, pack(CASE, PACK_1, PACK_2));

            assertThat(state(PACK_1).path("parent").asText()).isEqualTo(CASE);
            assertThat(state(PACK_1).path("status").asText()).isEqualTo("PACKED");
            assertThat(state(CASE).path("owner").asText()).isEqualTo(MANUFACTURER);
            assertThat(network.stub.committedCompositeKeys("parent~child", CASE))
                    .extracting(k -> k.getAttributes().get(1)).containsExactly(PACK_1, PACK_2);
        }

        @Test
        void whenACaseIsShippedThenItsPacksAreInTransitWithIt() {
            shipCaseToDistributor();

            assertThat(state(CASE).path("status").asText()).isEqualTo("IN_TRANSIT");
            assertThat(state(PACK_1).path("status").asText()).isEqualTo("IN_TRANSIT");
            assertThat(state(PACK_1).path("inTransitTo").asText()).isEqualTo(DISTRIBUTOR);
            assertThat(state(PACK_2).path("owner").asText()).isEqualTo(MANUFACTURER);
        }

        @Test
        void whenACaseIsReceivedThenItsPacksChangeOwnerWithIt() {
            shipCaseToDistributor();

            network.record(DISTRIBUTOR_USER, receive(CASE));

            for (String epc : List.of(CASE, PACK_1, PACK_2)) {
                assertThat(state(epc).path("owner").asText()).isEqualTo(DISTRIBUTOR);
                assertThat(state(epc).path("status").asText()).isEqualTo("RECEIVED");
                assertThat(state(epc).has("inTransitTo")).isFalse();
            }
            assertThat(state(PACK_1).path("parent").asText()).isEqualTo(CASE);
        }

        @Test
        void whenNestedContainersShipThenEveryLevelMoves() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, pack(CASE, PACK_1, PACK_2), pack(PALLET, CASE), ship(DISTRIBUTOR_PGLN, PALLET));

            network.record(DISTRIBUTOR_USER, receive(PALLET));

            assertThat(state(PACK_2).path("owner").asText()).isEqualTo(DISTRIBUTOR);
            JsonNode history = json(network.evaluate(DISTRIBUTOR_USER, ctx -> network.contract.getEpcHistory(ctx, PACK_2)));
            JsonNode receipt = history.path("events").get(history.path("events").size() - 1);
            assertThat(receipt.path("bizStep").asText()).isEqualTo("urn:epcglobal:cbv:bizstep:receiving");
            assertThat(receipt.path("via").asText()).isEqualTo(PALLET);
        }

        @Test
        void whenACaseIsUnpackedThenThePacksAreLooseAtTheirOwner() {
            shipCaseToDistributor();
            network.record(DISTRIBUTOR_USER, receive(CASE));

            network.record(DISTRIBUTOR_USER, unpack(CASE, PACK_1));

            assertThat(state(PACK_1).has("parent")).isFalse();
            assertThat(state(PACK_1).path("status").asText()).isEqualTo("RECEIVED");
            assertThat(state(PACK_2).path("parent").asText()).isEqualTo(CASE);
            assertThat(network.stub.committedCompositeKeys("parent~child", CASE))
                    .extracting(k -> k.getAttributes().get(1)).containsExactly(PACK_2);
        }

        @Test
        void whenAnUnpackNamesNoChildrenThenEverythingInTheContainerIsUnpacked() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, pack(CASE, PACK_1, PACK_2));

            network.record(MANUFACTURER_USER, unpack(CASE));

            assertThat(state(PACK_1).path("status").asText()).isEqualTo("COMMISSIONED");
            assertThat(state(PACK_2).has("parent")).isFalse();
            assertThat(network.stub.committedCompositeKeys("parent~child", CASE)).isEmpty();
        }

        @Test
        void whenAPackIsShippedOnItsOwnWhileInACaseThenPackedInContainer() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, pack(CASE, PACK_1, PACK_2));

            ChaincodeException e = network.recordRejected(MANUFACTURER_USER, ship(DISTRIBUTOR_PGLN, PACK_1));

            assertThat(code(e)).isEqualTo("PACKED_IN_CONTAINER");
            assertThat(e.getMessage()).contains(PACK_1).contains(CASE);
        }

        @Test
        void whenAPackIsShippedWithThePalletItsCaseIsOnThenItTravelsWithThePallet() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, pack(CASE, PACK_1, PACK_2), pack(PALLET, CASE));

            network.record(MANUFACTURER_USER, ship(DISTRIBUTOR_PGLN, PALLET, PACK_1));

            for (String epc : List.of(PALLET, CASE, PACK_1, PACK_2)) {
                assertThat(state(epc).path("status").asText()).isEqualTo("IN_TRANSIT");
                assertThat(state(epc).path("inTransitTo").asText()).isEqualTo(DISTRIBUTOR);
            }
            assertThat(state(PACK_1).path("parent").asText()).isEqualTo(CASE);
            assertThat(state(CASE).path("parent").asText()).isEqualTo(PALLET);
        }

        @Test
        void whenAPackIsShippedWithAContainerItIsNotInThenPackedInContainer() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, pack(CASE, PACK_1), pack(PALLET, PACK_2));

            ChaincodeException e = network.recordRejected(MANUFACTURER_USER, ship(DISTRIBUTOR_PGLN, PALLET, PACK_1));

            assertThat(code(e)).isEqualTo("PACKED_IN_CONTAINER");
            assertThat(e.getMessage()).contains(PACK_1 + " is packed in " + CASE);
        }

        @Test
        void whenAnOrganisationPacksItemsItDoesNotHoldThenNotInPossession() {
            commissionTwoPacks();

            ChaincodeException e = network.recordRejected(DISTRIBUTOR_USER, pack(distributorSscc(7), PACK_1));

            assertThat(code(e)).isEqualTo("NOT_IN_POSSESSION");
            assertThat(network.stub.committedString(distributorSscc(7))).isNull();
        }

        @Test
        void whenAContainerWouldBePackedIntoItsOwnContentsThenInvalidAggregation() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, pack(CASE, PACK_1), pack(PALLET, CASE));

            ChaincodeException e = network.recordRejected(MANUFACTURER_USER, pack(CASE, PALLET));

            assertThat(code(e)).isEqualTo("INVALID_AGGREGATION");
        }

        @Test
        void whenAnUnpackNamesAnItemNotInTheContainerThenInvalidAggregation() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, pack(CASE, PACK_1));

            assertThat(code(network.recordRejected(MANUFACTURER_USER, unpack(CASE, PACK_2))))
                    .isEqualTo("INVALID_AGGREGATION");
        }

        @Test
        void whenTheContainerPrefixBelongsToAnotherOrganisationThenNotGtinOwner() {
            commissionTwoPacks();

            assertThat(code(network.recordRejected(MANUFACTURER_USER, pack(distributorSscc(1), PACK_1))))
                    .isEqualTo("NOT_GTIN_OWNER");
        }
    }

    @Nested
    class ShippingAndReceiving {

        @Test
        void whenShippedReceivedAndDispensedThenOwnershipFollowsTheGoods() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, ship(DISTRIBUTOR_PGLN, PACK_1));
            assertThat(state(PACK_1).path("owner").asText()).isEqualTo(MANUFACTURER);
            assertThat(state(PACK_1).path("inTransitTo").asText()).isEqualTo(DISTRIBUTOR);

            network.record(DISTRIBUTOR_USER, receive(PACK_1));
            assertThat(state(PACK_1).path("owner").asText()).isEqualTo(DISTRIBUTOR);

            network.record(DISTRIBUTOR_USER, at("2026-02-08T08:00:00.000Z", ship(PHARMACY_PGLN, PACK_1)));
            network.record(PHARMACY_USER, at("2026-02-09T08:00:00.000Z", receive(PACK_1)));
            assertThat(state(PACK_1).path("owner").asText()).isEqualTo(PHARMACY);

            JsonNode result = json(network.record(PHARMACY_USER, dispense("2026-02-10T10:00:00.000Z", PACK_1)));

            assertThat(texts(result.path("events"), "status")).containsExactly("committed");
            assertThat(state(PACK_1).path("status").asText()).isEqualTo("DISPENSED");
            assertThat(state(PACK_1).path("owner").asText()).isEqualTo(PHARMACY);
        }

        @Test
        void whenTheShipperDoesNotOwnTheItemThenNotInPossession() {
            commissionTwoPacks();

            ChaincodeException e = network.recordRejected(DISTRIBUTOR_USER, ship(PHARMACY_PGLN, PACK_1));

            assertThat(code(e)).isEqualTo("NOT_IN_POSSESSION");
            assertThat(e.getMessage()).contains(PACK_1).contains("owned by ManufacturerMSP");
        }

        @Test
        void whenAnItemInTransitIsShippedAgainThenNotInPossession() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, ship(DISTRIBUTOR_PGLN, PACK_1));

            assertThat(code(network.recordRejected(MANUFACTURER_USER, ship(PHARMACY_PGLN, PACK_1))))
                    .isEqualTo("NOT_IN_POSSESSION");
        }

        @Test
        void whenTheDestinationIsNotARegisteredPartyThenUnknownRecipient() {
            commissionTwoPacks();

            ChaincodeException e = network.recordRejected(MANUFACTURER_USER,
                    ship("urn:epc:id:pgln:0366666.00000", PACK_1));

            assertThat(code(e)).isEqualTo("UNKNOWN_RECIPIENT");
        }

        @Test
        void whenTheDestinationNamesTheRecipientMspThenItIsShippedThere() {
            commissionTwoPacks();
            EpcisEvent shipping = ship(null, PACK_1);
            shipping.getDestinationList().add(new SourceDestination("urn:pharmatrace:sdt:msp", PHARMACY));

            network.record(MANUFACTURER_USER, shipping);

            assertThat(state(PACK_1).path("inTransitTo").asText()).isEqualTo(PHARMACY);
        }

        @Test
        void whenTheDestinationIsARegisteredLocationThenItIsShippedToItsOrganisation() {
            network.submit(REGULATOR_ADMIN, ctx -> network.contract.registerParty(ctx, Events.PHARMACY_SGLN, PHARMACY));
            commissionTwoPacks();
            EpcisEvent shipping = ship(null, PACK_1);
            shipping.getDestinationList().add(new SourceDestination("urn:epcglobal:cbv:sdt:location", Events.PHARMACY_SGLN));

            network.record(MANUFACTURER_USER, shipping);

            assertThat(state(PACK_1).path("inTransitTo").asText()).isEqualTo(PHARMACY);
        }

        @Test
        void whenAnotherOrganisationReceivesTheShipmentThenNotShippedToReceiver() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, ship(DISTRIBUTOR_PGLN, PACK_1));

            ChaincodeException e = network.recordRejected(PHARMACY_USER, receive(PACK_1));

            assertThat(code(e)).isEqualTo("NOT_SHIPPED_TO_RECEIVER");
            assertThat(e.getMessage()).contains(PACK_1).contains("in transit to DistributorMSP");
            assertThat(state(PACK_1).path("owner").asText()).isEqualTo(MANUFACTURER);
        }

        @Test
        void whenAnItemThatWasNotShippedIsReceivedThenNotShippedToReceiver() {
            commissionTwoPacks();

            assertThat(code(network.recordRejected(DISTRIBUTOR_USER, receive(PACK_1))))
                    .isEqualTo("NOT_SHIPPED_TO_RECEIVER");
        }

        @Test
        void whenAnUnknownItemIsShippedThenNotCommissioned() {
            assertThat(code(network.recordRejected(MANUFACTURER_USER, ship(DISTRIBUTOR_PGLN, sgtin("404")))))
                    .isEqualTo("NOT_COMMISSIONED");
        }

        @Test
        void whenTheShipperVoidsAShipmentThenTheGoodsAreBackInStockAndCanBeShippedElsewhere() {
            shipCaseToDistributor();

            network.record(MANUFACTURER_USER, voidShipping(CASE));

            assertThat(state(CASE).path("status").asText()).isEqualTo("COMMISSIONED");
            assertThat(state(CASE).has("inTransitTo")).isFalse();
            assertThat(state(PACK_1).path("status").asText()).isEqualTo("PACKED");
            network.record(MANUFACTURER_USER, at("2026-02-04T10:00:00.000Z", ship(PHARMACY_PGLN, CASE)));
            assertThat(state(PACK_2).path("inTransitTo").asText()).isEqualTo(PHARMACY);
        }

        @Test
        void whenSomeoneOtherThanTheShipperVoidsTheShipmentThenNotInTransit() {
            shipCaseToDistributor();

            assertThat(code(network.recordRejected(DISTRIBUTOR_USER, voidShipping(CASE)))).isEqualTo("NOT_IN_TRANSIT");
        }

        @Test
        void whenCommissionPackAndShipArriveInOneBatchThenEachEventSeesTheOnesBefore() {
            shipCaseToDistributor();

            assertThat(state(PACK_2).path("inTransitTo").asText()).isEqualTo(DISTRIBUTOR);
        }
    }

    @Nested
    class Dispensing {

        private void deliverPackToPharmacy() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, ship(PHARMACY_PGLN, PACK_1, PACK_2));
            network.record(PHARMACY_USER, receive(PACK_1, PACK_2));
        }

        @Test
        void whenARecalledItemIsDispensedThenTheEventIsRecordedWithAnAlertAndTheAlertIsRaised() {
            deliverPackToPharmacy();
            network.submit(REGULATOR_OFFICER, ctx -> network.contract.recall(ctx, GTIN, LOT));
            EpcisEvent dispensing = dispense("2026-02-10T10:00:00.000Z", PACK_1);

            JsonNode result = json(network.record(PHARMACY_USER, dispensing));

            assertThat(texts(result.path("events"), "status")).containsExactly("alert");
            assertThat(result.path("alerts")).hasSize(1);
            assertThat(result.path("alerts").get(0).path("reason").asText()).isEqualTo("RECALLED");
            assertThat(result.path("alerts").get(0).path("epc").asText()).isEqualTo(PACK_1);
            assertThat(network.stub.committedString(hashOf(dispensing))).contains("\"reason\":\"RECALLED\"");
            assertThat(state(PACK_1).path("status").asText()).isEqualTo("DISPENSED");
            JsonNode raised = json(network.lastChaincodeEventPayload());
            assertThat(raised.path("committed").get(0).asText()).isEqualTo(hashOf(dispensing));
            assertThat(raised.path("alerts").get(0).path("reason").asText()).isEqualTo("RECALLED");
            JsonNode alerts = json(network.evaluate(REGULATOR_OFFICER, ctx -> network.contract.getAlerts(ctx, PACK_1)));
            assertThat(texts(alerts, "eventHash")).containsExactly(hashOf(dispensing));
        }

        @Test
        void whenAnExpiredItemIsDispensedThenExpiredAlert() {
            deliverPackToPharmacy();

            JsonNode result = json(network.record(PHARMACY_USER, dispense("2027-07-01T10:00:00.000-04:00", PACK_1)));

            assertThat(texts(result.path("alerts"), "reason")).containsExactly("EXPIRED");
        }

        @Test
        void whenAnItemIsDispensedOnItsExpiryDateThenNoAlert() {
            deliverPackToPharmacy();

            JsonNode result = json(network.record(PHARMACY_USER, dispense("2027-06-30T23:00:00.000-04:00", PACK_1)));

            assertThat(result.path("alerts")).isEmpty();
        }

        @Test
        void whenANeverCommissionedItemIsDispensedThenNeverCommissionedAlertAndTheEventIsStored() {
            EpcisEvent dispensing = dispense("2026-02-10T10:00:00.000Z", sgtin("404"));

            JsonNode result = json(network.record(PHARMACY_USER, dispensing));

            assertThat(texts(result.path("alerts"), "reason")).containsExactly("NEVER_COMMISSIONED");
            assertThat(network.stub.committedString(hashOf(dispensing))).isNotNull();
            assertThat(network.stub.committedString(sgtin("404"))).isNull();
            JsonNode history = json(network.evaluate(PHARMACY_USER, ctx -> network.contract.getEpcHistory(ctx, sgtin("404"))));
            assertThat(texts(history.path("events"), "eventHash")).containsExactly(hashOf(dispensing));
        }

        @Test
        void whenAnItemIsDispensedTwiceThenAlreadyDispensedAlert() {
            deliverPackToPharmacy();
            EpcisEvent first = dispense("2026-02-10T10:00:00.000Z", PACK_1);
            network.record(PHARMACY_USER, first);

            JsonNode result = json(network.record(PHARMACY_USER, dispense("2026-02-11T10:00:00.000Z", PACK_1)));

            assertThat(texts(result.path("alerts"), "reason")).containsExactly("ALREADY_DISPENSED");
            assertThat(state(PACK_1).path("lastEventHash").asText()).isEqualTo(hashOf(first));
        }

        @Test
        void whenAPharmacyDispensesAnItemItNeverReceivedThenNotInPossessionAlert() {
            commissionTwoPacks();

            JsonNode result = json(network.record(PHARMACY_USER, dispense("2026-02-10T10:00:00.000Z", PACK_1)));

            assertThat(texts(result.path("alerts"), "reason")).containsExactly("NOT_IN_POSSESSION");
        }

        @Test
        void whenAGtinIsRecalledThenEveryLotOfItAlerts() {
            deliverPackToPharmacy();
            network.submit(REGULATOR_OFFICER, ctx -> network.contract.recall(ctx, GTIN, ""));

            JsonNode result = json(network.record(PHARMACY_USER, dispense("2026-02-10T10:00:00.000Z", PACK_2)));

            assertThat(texts(result.path("alerts"), "reason")).containsExactly("RECALLED");
        }

        @Test
        void whenADispensedPackWasInACaseThenItLeavesTheCase() {
            shipCaseToDistributor();
            network.record(DISTRIBUTOR_USER, receive(CASE));

            network.record(DISTRIBUTOR_USER, dispense("2026-02-10T10:00:00.000Z", PACK_1));

            assertThat(state(PACK_1).has("parent")).isFalse();
            assertThat(network.stub.committedCompositeKeys("parent~child", CASE))
                    .extracting(k -> k.getAttributes().get(1)).containsExactly(PACK_2);
        }
    }

    @Nested
    class DecommissioningAndDestroying {

        @Test
        void whenTheOwnerDecommissionsThenTheItemIsDecommissioned() {
            commissionTwoPacks();

            network.record(MANUFACTURER_USER, decommission(PACK_1));

            assertThat(state(PACK_1).path("status").asText()).isEqualTo("DECOMMISSIONED");
        }

        @Test
        void whenACaseIsNamedBeforeItsPackInOneDecommissioningThenBothAreDecommissioned() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, pack(CASE, PACK_1, PACK_2));
            EpcisEvent event = decommission(CASE, PACK_1);

            network.record(MANUFACTURER_USER, event);

            assertCaseAndFirstPackDecommissionedBy(event);
        }

        @Test
        void whenAPackIsNamedBeforeItsCaseInOneDecommissioningThenBothAreDecommissioned() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, pack(CASE, PACK_1, PACK_2));
            EpcisEvent event = decommission(PACK_1, CASE);

            network.record(MANUFACTURER_USER, event);

            assertCaseAndFirstPackDecommissionedBy(event);
        }

        private void assertCaseAndFirstPackDecommissionedBy(EpcisEvent event) {
            assertThat(state(CASE).path("status").asText()).isEqualTo("DECOMMISSIONED");
            assertThat(state(PACK_1).path("status").asText()).isEqualTo("DECOMMISSIONED");
            assertThat(state(PACK_1).path("lastEventHash").asText()).isEqualTo(hashOf(event));
            assertThat(state(PACK_1).has("parent")).isFalse();
            assertThat(state(PACK_2).path("status").asText()).isEqualTo("COMMISSIONED");
            assertThat(state(PACK_2).has("parent")).isFalse();
            assertThat(network.stub.committedCompositeKeys("parent~child", CASE)).isEmpty();
            JsonNode history = json(network.evaluate(MANUFACTURER_USER, ctx -> network.contract.getEpcHistory(ctx, PACK_1)));
            JsonNode last = history.path("events").get(history.path("events").size() - 1);
            assertThat(last.path("eventHash").asText()).isEqualTo(hashOf(event));
            assertThat(last.has("via")).isFalse();
        }

        @Test
        void whenACaseIsNamedBeforeItsPackInOneDestructionThenBothAreDestroyed() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, pack(CASE, PACK_1, PACK_2));

            network.record(MANUFACTURER_USER, destroy(CASE, PACK_1));

            for (String epc : List.of(CASE, PACK_1, PACK_2)) {
                assertThat(state(epc).path("status").asText()).isEqualTo("DESTROYED");
            }
        }

        @Test
        void whenAnotherOrganisationDecommissionsThenNotInPossession() {
            commissionTwoPacks();

            assertThat(code(network.recordRejected(DISTRIBUTOR_USER, decommission(PACK_1))))
                    .isEqualTo("NOT_IN_POSSESSION");
        }

        @Test
        void whenACaseIsDestroyedThenItsContentsAreDestroyed() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, pack(CASE, PACK_1, PACK_2));

            network.record(MANUFACTURER_USER, destroy(CASE));

            assertThat(state(CASE).path("status").asText()).isEqualTo("DESTROYED");
            assertThat(state(PACK_1).path("status").asText()).isEqualTo("DESTROYED");
            assertThat(state(PACK_2).path("status").asText()).isEqualTo("DESTROYED");
        }

        @Test
        void whenADecommissionedItemIsDestroyedThenItIsDestroyed() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, decommission(PACK_1));

            network.record(MANUFACTURER_USER, destroy(PACK_1));

            assertThat(state(PACK_1).path("status").asText()).isEqualTo("DESTROYED");
        }

        @Test
        void whenADestroyedItemIsDecommissionedThenItemInactive() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, destroy(PACK_1));

            assertThat(code(network.recordRejected(MANUFACTURER_USER, decommission(PACK_1)))).isEqualTo("ITEM_INACTIVE");
        }

        @Test
        void whenADestroyedItemIsShippedThenItemInactive() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, destroy(PACK_1));

            assertThat(code(network.recordRejected(MANUFACTURER_USER, ship(DISTRIBUTOR_PGLN, PACK_1))))
                    .isEqualTo("ITEM_INACTIVE");
        }
    }

    @Nested
    class Recall {

        @Test
        void whenTheRegulatorRecallsALotThenItsItemsShowRecalledAndOtherLotsDoNot() {
            network.record(MANUFACTURER_USER, commission(LOT, EXPIRY, PACK_1), commission("LOT-B", EXPIRY, PACK_2));
            String txId = network.nextTxId();

            String result = network.submit(REGULATOR_OFFICER, ctx -> network.contract.recall(ctx, GTIN, LOT));

            assertThat(json(result).path("txId").asText()).isEqualTo(txId);
            assertThat(state(PACK_1).path("recalled").asBoolean()).isTrue();
            assertThat(state(PACK_2).path("recalled").asBoolean()).isFalse();
            // The recall is a record by GTIN and lot: the items themselves are not rewritten.
            assertThat(network.stub.committedString(PACK_1)).contains("\"recalled\":false");
            assertThat(network.stub.committedString(network.stub.createCompositeKey("recall", GTIN, LOT).toString()))
                    .isEqualTo(result);
            assertThat(network.chaincodeEventNames()).last().isEqualTo("RecallIssued");
        }

        @Test
        void whenATradingPartnerRecallsThenNotAuthorised() {
            assertThat(code(catchChaincode(() -> network.submit(MANUFACTURER_USER,
                    ctx -> network.contract.recall(ctx, GTIN, LOT))))).isEqualTo("NOT_AUTHORISED");
        }

        @Test
        void whenARegulatorIdentityWithoutTheRegulatorRoleRecallsThenNotAuthorised() {
            assertThat(code(catchChaincode(() -> network.submit(REGULATOR_ADMIN,
                    ctx -> network.contract.recall(ctx, GTIN, LOT))))).isEqualTo("NOT_AUTHORISED");
        }

        @Test
        void whenARecallIsRepeatedThenTheFirstRecordStands() {
            String first = network.submit(REGULATOR_OFFICER, ctx -> network.contract.recall(ctx, GTIN, LOT));

            String second = network.submit(REGULATOR_OFFICER, ctx -> network.contract.recall(ctx, "312345678906", LOT));

            assertThat(second).isEqualTo(first);
        }

        @Test
        void whenTheGtinIsNotValidThenInvalidArgument() {
            assertThat(code(catchChaincode(() -> network.submit(REGULATOR_OFFICER,
                    ctx -> network.contract.recall(ctx, "00312345678907", LOT))))).isEqualTo("INVALID_ARGUMENT");
        }

        @Test
        void whenTheBrandOwnerFlagsItemsRecalledByEventThenTheFlagIsStored() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, ship(DISTRIBUTOR_PGLN, PACK_1));

            network.record(MANUFACTURER_USER, hold(PACK_1));

            assertThat(network.stub.committedString(PACK_1)).contains("\"recalled\":true");
        }

        @Test
        void whenTheOwnerClearsTheBrandOwnersRecalledFlagThenNotGtinOwnerAndADispenseStillAlerts() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, ship(PHARMACY_PGLN, PACK_1));
            network.record(PHARMACY_USER, receive(PACK_1));
            network.record(MANUFACTURER_USER, hold(PACK_1));

            ChaincodeException e = network.recordRejected(PHARMACY_USER, release(PACK_1));

            assertThat(code(e)).isEqualTo("NOT_GTIN_OWNER");
            assertThat(e.getMessage()).endsWith(PACK_1 + " is flagged recalled; only its brand owner ManufacturerMSP"
                    + " can clear the flag, not PharmacyMSP");
            assertThat(network.stub.committedString(PACK_1)).contains("\"recalled\":true");
            JsonNode result = json(network.record(PHARMACY_USER, dispense("2026-02-10T10:00:00.000Z", PACK_1)));
            assertThat(texts(result.path("alerts"), "reason")).containsExactly("RECALLED");
        }

        @Test
        void whenTheBrandOwnerClearsTheRecalledFlagThenTheItemIsNoLongerRecalled() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, ship(PHARMACY_PGLN, PACK_1));
            network.record(PHARMACY_USER, receive(PACK_1));
            network.record(MANUFACTURER_USER, hold(PACK_1));

            network.record(MANUFACTURER_USER, release(PACK_1));

            assertThat(network.stub.committedString(PACK_1)).contains("\"recalled\":false");
            assertThat(state(PACK_1).path("owner").asText()).isEqualTo(PHARMACY);
        }

        @Test
        void whenTheOwnerUnsetsRecalledOnAnItemNotFlaggedThenNothingIsRefused() {
            commissionTwoPacks();
            network.record(MANUFACTURER_USER, ship(PHARMACY_PGLN, PACK_1));
            network.record(PHARMACY_USER, receive(PACK_1));

            network.record(PHARMACY_USER, release(PACK_1));

            assertThat(network.stub.committedString(PACK_1)).contains("\"recalled\":false");
        }

        @Test
        void whenAnOrganisationWithNoClaimFlagsAnItemRecalledThenNotInPossession() {
            commissionTwoPacks();

            assertThat(code(network.recordRejected(PHARMACY_USER, hold(PACK_1)))).isEqualTo("NOT_IN_POSSESSION");
        }
    }

    // ---------------------------------------------------------------- queries

    @Nested
    class Queries {

        @Test
        void whenAnEpcHasHistoryThenItIsListedOldestFirstWithTransactionIds() {
            EpcisEvent commissioning = commission(LOT, EXPIRY, PACK_1, PACK_2);
            EpcisEvent packing = pack(CASE, PACK_1, PACK_2);
            EpcisEvent shipping = ship(DISTRIBUTOR_PGLN, CASE);
            String firstTx = network.nextTxId();
            network.record(MANUFACTURER_USER, commissioning, packing);
            String secondTx = network.nextTxId();
            network.record(MANUFACTURER_USER, shipping);

            JsonNode history = json(network.evaluate(REGULATOR_OFFICER,
                    ctx -> network.contract.getEpcHistory(ctx, "https://id.gs1.org/01/00312345678906/21/1001")));

            assertThat(history.path("epc").asText()).isEqualTo(PACK_1);
            assertThat(texts(history.path("events"), "eventHash"))
                    .containsExactly(hashOf(commissioning), hashOf(packing), hashOf(shipping));
            assertThat(texts(history.path("events"), "txId")).containsExactly(firstTx, firstTx, secondTx);
            assertThat(texts(history.path("events"), "via")).containsExactly("", "", CASE);
            assertThat(history.path("events").get(0).path("timestamp").asText()).endsWith("Z");
        }

        @Test
        void whenAnEventIsUnknownThenEventNotFound() {
            assertThat(code(catchChaincode(() -> network.evaluate(PHARMACY_USER,
                    ctx -> network.contract.getEvent(ctx, "ni:///sha-256;00?ver=CBV2.0"))))).isEqualTo("EVENT_NOT_FOUND");
        }

        @Test
        void whenSeveralEventsAreAskedForThenTheStoredOnesComeInTheOrderAskedAndUnknownOnesAreLeftOut() {
            EpcisEvent first = commission(LOT, EXPIRY, PACK_1);
            EpcisEvent second = commission(LOT, EXPIRY, PACK_2);
            network.record(MANUFACTURER_USER, first, second);
            String asked = "[\"" + hashOf(second) + "\", \"ni:///sha-256;00?ver=CBV2.0\", \"" + PACK_1 + "\", \""
                    + hashOf(first) + "\"]";

            JsonNode stored = json(network.evaluate(PHARMACY_USER, ctx -> network.contract.getEvents(ctx, asked)));

            assertThat(texts(stored, "hash")).containsExactly(hashOf(second), hashOf(first));
            assertThat(stored.get(1).path("event").path("eventID").asText()).isEqualTo(hashOf(first));
        }

        @Test
        void whenEventsAreAskedForWithoutAJsonArrayThenInvalidArgument() {
            assertThat(code(catchChaincode(() -> network.evaluate(PHARMACY_USER,
                    ctx -> network.contract.getEvents(ctx, "ni:///sha-256;00"))))).isEqualTo("INVALID_ARGUMENT");
        }

        @Test
        void whenAnEventIsAskedForByAnItemKeyThenEventNotFound() {
            commissionTwoPacks();

            assertThat(code(catchChaincode(() -> network.evaluate(PHARMACY_USER,
                    ctx -> network.contract.getEvent(ctx, PACK_1))))).isEqualTo("EVENT_NOT_FOUND");
        }

        @Test
        void whenAnEpcIsUnknownThenEpcNotFound() {
            assertThat(code(catchChaincode(() -> network.evaluate(PHARMACY_USER,
                    ctx -> network.contract.getEpcState(ctx, PACK_1))))).isEqualTo("EPC_NOT_FOUND");
        }

        @Test
        void whenALotIsQueriedThenItsItemsAreCountedByStatus() {
            network.record(MANUFACTURER_USER, commission(LOT, EXPIRY, PACK_1, PACK_2, sgtin("1003")),
                    ship(DISTRIBUTOR_PGLN, PACK_1), decommission(PACK_2));
            network.submit(REGULATOR_OFFICER, ctx -> network.contract.recall(ctx, GTIN, ""));

            JsonNode lot = json(network.evaluate(REGULATOR_OFFICER, ctx -> network.contract.getLotState(ctx, GTIN, LOT)));

            assertThat(lot.path("total").asInt()).isEqualTo(3);
            assertThat(CanonicalJson.toString(lot.path("byStatus")))
                    .isEqualTo("{\"COMMISSIONED\":1,\"DECOMMISSIONED\":1,\"IN_TRANSIT\":1}");
            assertThat(lot.path("recall").path("lot").isMissingNode()).isTrue();
            assertThat(lot.path("recall").path("gtin").asText()).isEqualTo(GTIN);
        }
    }

    @Nested
    class Verify {

        private JsonNode verify(String serial, String lot, String expiry) {
            return json(network.evaluate(PHARMACY_USER, ctx -> network.contract.verify(ctx, GTIN, serial, lot, expiry)));
        }

        @BeforeEach
        void commissionPacks() {
            network.record(MANUFACTURER_USER, commission(LOT, EXPIRY, PACK_1, PACK_2, sgtin("1003"), sgtin("1004")),
                    commission("LOT-OLD", "2026-01-31", sgtin("2001")));
        }

        @Test
        void whenTheItemIsSaleableThenVerifiedActive() {
            JsonNode answer = verify("1001", LOT, EXPIRY);

            assertThat(answer.path("verified").asBoolean()).isTrue();
            assertThat(answer.path("status").asText()).isEqualTo("active");
            assertThat(answer.path("epc").asText()).isEqualTo(PACK_1);
        }

        @Test
        void whenTheExpiryIsGivenAsTheBarcodeYymmddThenItIsCompared() {
            assertThat(verify("1001", LOT, "270630").path("status").asText()).isEqualTo("active");
            assertThat(verify("1001", LOT, "270600").path("status").asText()).isEqualTo("active");
        }

        @Test
        void whenABarcodeExpiryIsReadThenTheGs1CenturyWindowAndDayZeroApply() {
            LocalDate today = LocalDate.of(2026, 3, 1);

            assertThat(TraceabilityContract.expiryDate("760101", today)).isEqualTo("2076-01-01");
            assertThat(TraceabilityContract.expiryDate("770101", today)).isEqualTo("1977-01-01");
            assertThat(TraceabilityContract.expiryDate("280200", today)).isEqualTo("2028-02-29");
            assertThat(code(catchChaincode(() -> TraceabilityContract.expiryDate("271301", today))))
                    .isEqualTo("INVALID_ARGUMENT");
        }

        @Test
        void whenALotArgumentIsOutsideGs1Set82ThenInvalidArgument() {
            assertThat(code(catchChaincode(() -> network.evaluate(PHARMACY_USER,
                    ctx -> network.contract.getLotState(ctx, GTIN, "A#1"))))).isEqualTo("INVALID_ARGUMENT");
            assertThat(code(catchChaincode(() -> network.submit(REGULATOR_OFFICER,
                    ctx -> network.contract.recall(ctx, GTIN, "A#1"))))).isEqualTo("INVALID_ARGUMENT");
        }

        @Test
        void whenTheSerialWasNeverCommissionedThenUnknown() {
            JsonNode answer = verify("404", LOT, EXPIRY);

            assertThat(answer.path("verified").asBoolean()).isFalse();
            assertThat(answer.path("status").asText()).isEqualTo("unknown");
        }

        @Test
        void whenTheLotDiffersThenMismatch() {
            assertThat(verify("1001", "LOT-X", EXPIRY).path("status").asText()).isEqualTo("mismatch");
        }

        @Test
        void whenTheExpiryDiffersThenMismatch() {
            assertThat(verify("1001", LOT, "2027-07-31").path("status").asText()).isEqualTo("mismatch");
        }

        @Test
        void whenTheLotIsRecalledThenRecalled() {
            network.submit(REGULATOR_OFFICER, ctx -> network.contract.recall(ctx, GTIN, LOT));

            assertThat(verify("1001", "", "").path("status").asText()).isEqualTo("recalled");
        }

        @Test
        void whenTheItemExpiredThenExpired() {
            assertThat(verify("2001", "LOT-OLD", "").path("status").asText()).isEqualTo("expired");
        }

        @Test
        void whenTheItemWasDispensedThenDispensed() {
            network.record(MANUFACTURER_USER, dispense("2026-02-10T10:00:00.000Z", PACK_2));

            assertThat(verify("1002", LOT, EXPIRY).path("status").asText()).isEqualTo("dispensed");
        }

        @Test
        void whenTheItemWasDecommissionedOrDestroyedThenSo() {
            network.record(MANUFACTURER_USER, decommission(sgtin("1003")), destroy(sgtin("1004")));

            assertThat(verify("1003", LOT, EXPIRY).path("status").asText()).isEqualTo("decommissioned");
            assertThat(verify("1004", LOT, EXPIRY).path("status").asText()).isEqualTo("destroyed");
        }

        @Test
        void whenTheRegulatorVerifiesThenItMayAsTheLedgerIsReadableByAll() {
            network.setClock(Instant.parse("2026-04-01T00:00:00Z"));

            String answer = network.evaluate(REGULATOR_OFFICER, ctx -> network.contract.verify(ctx, GTIN, "1001", LOT, EXPIRY));

            assertThat(json(answer).path("verified").asBoolean()).isTrue();
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

    @Test
    void errorCodesTravelAsThePayloadAndPrefixTheMessage() {
        ChaincodeException e = TraceabilityError.HASH_MISMATCH.exception("event #0: x");

        assertThat(e.getPayload()).isEqualTo("HASH_MISMATCH".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(e.getMessage()).isEqualTo("HASH_MISMATCH: event #0: x");
    }
}
