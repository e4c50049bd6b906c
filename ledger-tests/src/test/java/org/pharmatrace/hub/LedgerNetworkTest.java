package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.fabric.EventBatchSubmitter;
import org.pharmatrace.connectors.fabric.LedgerEventReader;
import org.pharmatrace.connectors.fabric.LedgerFailure;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.connectors.fabric.LedgerQueries;
import org.pharmatrace.connectors.fabric.LedgerReceipt;
import org.pharmatrace.connectors.fabric.LedgerRejection;
import org.pharmatrace.connectors.fabric.LedgerTransactions;
import org.pharmatrace.connectors.fabric.RecordedEvents;
import org.pharmatrace.connectors.fabric.SubmitRetryPolicy;
import org.hyperledger.fabric.client.FileCheckpointer;

/**
 * The gateway connector and the chaincode as four real peers run them: batches recorded under the submitting
 * organisation's identity, endorsed by two organisations, idempotent by Event Hash ID, refused for a foreign company
 * prefix; committed batches seen as chaincode events; a peer stopped and started again.
 */
class LedgerNetworkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LedgerGateway gateway;

    @BeforeAll
    static void network() {
        FabricTestNetwork.start();
        LedgerFixtures.registerCorpusParties();
        gateway = FabricTestNetwork.gateway(FabricTestNetwork.MANUFACTURER, FabricTestNetwork.DISTRIBUTOR);
    }

    @AfterAll
    static void close() {
        gateway.close();
    }

    @Test
    void aBatchIsCommittedOnceAndItsEventsCanBeReadBackWithTheirTransaction() throws Exception {
        LedgerFixtures.Batch batch = LedgerFixtures.batch(TestDocuments.commissioning(5));
        EventBatchSubmitter submitter = new EventBatchSubmitter(gateway, SubmitRetryPolicy.defaults());

        LedgerReceipt first = submitter.submit(FabricTestNetwork.MANUFACTURER, batch.document());
        assertThat(first.committed()).isEqualTo(5);
        assertThat(first.blockNumber()).isPositive();
        assertThat(first.events()).extracting(LedgerReceipt.EventStatus::eventHash)
                .containsExactlyElementsOf(batch.hashes());

        LedgerReceipt again = submitter.submit(FabricTestNetwork.MANUFACTURER, batch.document());
        assertThat(again.committed()).isZero();
        assertThat(again.duplicates()).isEqualTo(5);
        assertThat(again.transactionId()).isNotEqualTo(first.transactionId());

        LedgerQueries queries = new LedgerQueries(gateway);
        JsonNode stored = JSON.readTree(queries.event(FabricTestNetwork.DISTRIBUTOR, batch.hashes().get(2)).orElseThrow());
        assertThat(stored.get("txId").asText()).isEqualTo(first.transactionId());
        assertThat(stored.get("submitter").asText()).isEqualTo(FabricTestNetwork.MANUFACTURER);
        assertThat(new LedgerTransactions(gateway).blockOf(FabricTestNetwork.DISTRIBUTOR, first.transactionId()))
                .isEqualTo(first.blockNumber());
    }

    @Test
    void onlyTheOwnerOfTheCompanyPrefixMayCommission() {
        LedgerFixtures.Batch batch = LedgerFixtures.batch(TestDocuments.commissioning(2));
        EventBatchSubmitter submitter = new EventBatchSubmitter(gateway, SubmitRetryPolicy.defaults());

        assertThatThrownBy(() -> submitter.submit(FabricTestNetwork.DISTRIBUTOR, batch.document()))
                .isInstanceOfSatisfying(LedgerRejection.class, rejection -> {
                    assertThat(rejection.code()).isEqualTo("NOT_GTIN_OWNER");
                    assertThat(rejection.reason()).contains(batch.hashes().get(0)).contains("ManufacturerMSP");
                });
    }

    @Test
    void committedBatchesAreReadAsChaincodeEventsFromACheckpoint() throws Exception {
        LedgerFixtures.Batch batch = LedgerFixtures.batch(TestDocuments.commissioning(3));
        LedgerReceipt receipt = new EventBatchSubmitter(gateway, SubmitRetryPolicy.defaults())
                .submit(FabricTestNetwork.MANUFACTURER, batch.document());

        List<RecordedEvents> seen = new CopyOnWriteArrayList<>();
        java.nio.file.Path checkpointFile = java.nio.file.Files.createTempFile("ledger-checkpoint", ".json");
        java.nio.file.Files.delete(checkpointFile);
        try (FileCheckpointer checkpoint = new FileCheckpointer(checkpointFile);
             LedgerEventReader reader = new LedgerEventReader(gateway, FabricTestNetwork.DISTRIBUTOR, checkpoint, 0)) {
            Thread follower = new Thread(() -> {
                try {
                    reader.run(recorded -> {
                        seen.add(recorded);
                        if (recorded.transactionId().equals(receipt.transactionId())) {
                            reader.close();
                        }
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            follower.start();
            follower.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(follower.isAlive()).as("the reader reached the batch's transaction").isFalse();
            assertThat(checkpoint.getBlockNumber()).hasValue(receipt.blockNumber());
        }
        RecordedEvents last = seen.get(seen.size() - 1);
        assertThat(last.blockNumber()).isEqualTo(receipt.blockNumber());
        assertThat(last.committed()).containsExactlyElementsOf(batch.hashes());
    }

    @Test
    void aStoppedPeerIsAFailureToRetryAndAfterItsRestartTheBatchCommits() throws Exception {
        LedgerFixtures.Batch batch = LedgerFixtures.batch(TestDocuments.commissioning(2));
        EventBatchSubmitter impatient = new EventBatchSubmitter(gateway,
                new SubmitRetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(200), 2.0));
        FabricTestNetwork.fabric("stop", "manufacturer");
        try {
            assertThatThrownBy(() -> impatient.submit(FabricTestNetwork.MANUFACTURER, batch.document()))
                    .isInstanceOfSatisfying(LedgerFailure.class,
                            failure -> assertThat(failure.transientCause()).isTrue());
        } finally {
            FabricTestNetwork.fabric("start", "manufacturer");
        }
        LedgerReceipt receipt = new EventBatchSubmitter(gateway,
                new SubmitRetryPolicy(20, Duration.ofMillis(500), Duration.ofSeconds(3), 2.0))
                .submit(FabricTestNetwork.MANUFACTURER, batch.document());
        assertThat(receipt.committed()).isEqualTo(2);
    }
}
