package org.pharmatrace.chaincode;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.pharmatrace.chaincode.batch.EventHashCalculator;
import org.pharmatrace.chaincode.batch.Gs1EventHashCalculator;
import org.pharmatrace.epcis.model.EpcisEvent;

/**
 * A channel with four organisations and the contract deployed: transactions are submitted (committed when they
 * succeed, rolled back when they throw, as endorsement would) or evaluated (never committed).
 */
final class TestNetwork {

    static final String MANUFACTURER = "ManufacturerMSP";
    static final String DISTRIBUTOR = "DistributorMSP";
    static final String PHARMACY = "PharmacyMSP";
    static final String REGULATOR = "RegulatorMSP";

    static final TestIdentity MANUFACTURER_USER = TestIdentity.of(MANUFACTURER, "packaging-line");
    static final TestIdentity DISTRIBUTOR_USER = TestIdentity.of(DISTRIBUTOR, "warehouse");
    static final TestIdentity PHARMACY_USER = TestIdentity.of(PHARMACY, "pharmacist");
    static final TestIdentity REGULATOR_OFFICER = TestIdentity.of(REGULATOR, "inspector", Map.of("role", "regulator"));
    static final TestIdentity REGULATOR_ADMIN = TestIdentity.of(REGULATOR, "registrar", Map.of("hub.admin", "true"));
    static final TestIdentity REGULATOR_CLERK = TestIdentity.of(REGULATOR, "clerk");

    final InMemoryChaincodeStub stub = new InMemoryChaincodeStub();
    final EventHashCalculator hashes = new Gs1EventHashCalculator();
    final TestBatches batches = new TestBatches(hashes);
    final TraceabilityContract contract;

    private Instant clock = Instant.parse("2026-03-01T09:00:00Z");
    private int transactions;

    /** The contract on events built in the test (see {@link TestBatches}). */
    TestNetwork() {
        contract = new TraceabilityContract(batches, hashes);
    }

    /** A given contract, e.g. the one the peer runs, reading JSON-LD documents. */
    TestNetwork(TraceabilityContract contract) {
        this.contract = contract;
    }

    /** Initialised with the regulator, the two company prefixes and the parties shipments go to. */
    static TestNetwork initialised() {
        return initialise(new TestNetwork());
    }

    static TestNetwork initialise(TestNetwork network) {
        network.submit(REGULATOR_OFFICER, ctx -> network.contract.init(ctx, REGULATOR));
        network.submit(REGULATOR_ADMIN, ctx -> network.contract.registerCompanyPrefix(ctx, Events.MANUFACTURER_PREFIX, MANUFACTURER));
        network.submit(REGULATOR_ADMIN, ctx -> network.contract.registerCompanyPrefix(ctx, Events.DISTRIBUTOR_PREFIX, DISTRIBUTOR));
        network.submit(REGULATOR_ADMIN, ctx -> network.contract.registerParty(ctx, Events.DISTRIBUTOR_PGLN, DISTRIBUTOR));
        network.submit(REGULATOR_ADMIN, ctx -> network.contract.registerParty(ctx, Events.PHARMACY_PGLN, PHARMACY));
        return network;
    }

    <T> T submit(TestIdentity who, Function<Context, T> transaction) {
        begin(who, List.of());
        try {
            T result = transaction.apply(contract.createContext(stub));
            stub.commit();
            return result;
        } catch (RuntimeException e) {
            stub.rollback();
            throw e;
        }
    }

    <T> T evaluate(TestIdentity who, Function<Context, T> query) {
        begin(who, List.of());
        try {
            return query.apply(contract.createContext(stub));
        } finally {
            stub.rollback();
        }
    }

    void begin(TestIdentity who, List<String> args) {
        transactions++;
        clock = clock.plus(Duration.ofMinutes(1));
        stub.begin(String.format("tx%04d", transactions), clock, who, args);
    }

    /** The id the next transaction will get. */
    String nextTxId() {
        return String.format("tx%04d", transactions + 1);
    }

    void setClock(Instant instant) {
        clock = instant;
    }

    String record(TestIdentity who, EpcisEvent... events) {
        String document = batches.register(events);
        return submit(who, ctx -> contract.recordEvents(ctx, document));
    }

    ChaincodeException recordRejected(TestIdentity who, EpcisEvent... events) {
        String document = batches.register(events);
        try {
            submit(who, ctx -> contract.recordEvents(ctx, document));
        } catch (ChaincodeException e) {
            return e;
        }
        throw new AssertionError("the batch was accepted");
    }

    String state(String epc) {
        return evaluate(PHARMACY_USER, ctx -> contract.getEpcState(ctx, epc));
    }

    String lastChaincodeEventPayload() {
        List<ChaincodeEvent> events = stub.committedEvents();
        return events.get(events.size() - 1).getPayload().toString(UTF_8);
    }

    List<String> chaincodeEventNames() {
        List<String> names = new ArrayList<>();
        stub.committedEvents().forEach(e -> names.add(e.getEventName()));
        return names;
    }

    static String code(ChaincodeException e) {
        return new String(e.getPayload(), UTF_8);
    }
}
