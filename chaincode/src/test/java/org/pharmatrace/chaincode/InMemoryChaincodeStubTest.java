package org.pharmatrace.chaincode;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The stub must behave like the peer where the contract depends on it, or the contract tests prove nothing. */
class InMemoryChaincodeStubTest {

    private final InMemoryChaincodeStub stub = new InMemoryChaincodeStub();
    private final TestIdentity who = TestNetwork.MANUFACTURER_USER;
    private int tx;

    private void begin() {
        tx++;
        stub.begin("tx" + tx, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(tx), who, List.of());
    }

    @BeforeEach
    void seed() {
        begin();
        stub.putStringState("a", "1");
        stub.putState(stub.createCompositeKey("idx", "x", "1").toString(), new byte[] {0});
        stub.putState(stub.createCompositeKey("idx", "x", "2").toString(), new byte[] {0});
        stub.putState(stub.createCompositeKey("idx", "y", "1").toString(), new byte[] {0});
        stub.commit();
    }

    @Nested
    class TransactionSemantics {

        @Test
        void whenATransactionWritesAKeyThenItsOwnReadsStillSeeTheCommittedValue() {
            begin();
            stub.putStringState("a", "2");

            assertThat(stub.getStringState("a")).isEqualTo("1");
            stub.commit();
            begin();
            assertThat(stub.getStringState("a")).isEqualTo("2");
            stub.rollback();
        }

        @Test
        void whenATransactionIsRolledBackThenNothingIsWritten() {
            begin();
            stub.putStringState("b", "1");
            stub.rollback();

            assertThat(stub.committedString("b")).isNull();
        }

        @Test
        void whenAnEmptyValueIsPutThenTheKeyIsDeletedAsOnThePeer() {
            begin();
            stub.putState("a", new byte[0]);
            stub.commit();

            assertThat(stub.committedString("a")).isNull();
        }

        @Test
        void whenAKeyChangesThenItsHistoryListsTheModificationsNewestFirst() {
            begin();
            stub.putStringState("a", "2");
            stub.commit();
            begin();
            stub.delState("a");
            stub.commit();
            begin();

            List<KeyModification> history = new ArrayList<>();
            stub.getHistoryForKey("a").forEach(history::add);

            assertThat(history).extracting(KeyModification::getTxId).containsExactly("tx3", "tx2", "tx1");
            assertThat(history.get(0).isDeleted()).isTrue();
            assertThat(history.get(1).getStringValue()).isEqualTo("2");
            stub.rollback();
        }
    }

    @Nested
    class Queries {

        @Test
        void whenAPartialCompositeKeyIsQueriedThenOnlyItsKeysAreReturnedInOrder() {
            begin();
            List<String> keys = new ArrayList<>();
            for (KeyValue kv : stub.getStateByPartialCompositeKey("idx", "x")) {
                keys.add(stub.splitCompositeKey(kv.getKey()).getAttributes().get(1));
            }

            assertThat(keys).containsExactly("1", "2");
            stub.rollback();
        }

        @Test
        void whenARangeOfSimpleKeysIsQueriedThenCompositeKeysAreNotIncluded() {
            begin();
            List<String> keys = new ArrayList<>();
            stub.getStateByRange("", "").forEach(kv -> keys.add(kv.getKey()));

            assertThat(keys).containsExactly("a");
            stub.rollback();
        }

        @Test
        void whenTheCreatorIsReadThenTheClientIdentityCarriesMspAndAttributes() {
            TestIdentity officer = TestNetwork.REGULATOR_OFFICER;
            stub.begin("tx-id", Instant.EPOCH, officer, List.of("init", "RegulatorMSP"));

            org.hyperledger.fabric.contract.Context ctx = new org.hyperledger.fabric.contract.Context(stub);

            assertThat(ctx.getClientIdentity().getMSPID()).isEqualTo("RegulatorMSP");
            assertThat(ctx.getClientIdentity().getAttributeValue("role")).isEqualTo("regulator");
            assertThat(ctx.getClientIdentity().getId()).contains("CN=inspector");
            assertThat(stub.getFunction()).isEqualTo("init");
            assertThat(new String(stub.getArgs().get(1), UTF_8)).isEqualTo("RegulatorMSP");
            stub.rollback();
        }
    }
}
