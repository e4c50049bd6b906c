package org.pharmatrace.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.fabric.EventBatchSubmitter;
import org.pharmatrace.connectors.fabric.LedgerAlert;
import org.pharmatrace.connectors.fabric.LedgerFailure;
import org.pharmatrace.connectors.fabric.LedgerQueries;
import org.pharmatrace.connectors.fabric.LedgerReceipt;
import org.pharmatrace.connectors.fabric.LedgerRejection;
import org.pharmatrace.connectors.fabric.LedgerTransactions;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.deadletter.DeadLetter;
import org.pharmatrace.hub.deadletter.DeadLetterEntries;
import org.pharmatrace.hub.kafka.KafkaClients;
import org.pharmatrace.hub.observability.IngestMetrics;

/**
 * What the submitter does with a batch the chaincode refuses (unit test; the real peers are in ledger-tests): the
 * event the contract names is dead-lettered and the others go again, a refusal naming no event is narrowed down by
 * halves, and a ledger that cannot be reached keeps the batch for later.
 */
class LedgerSubmitterRejectionTest {

    private static final String ORG = "ManufacturerMSP";
    private static final Pattern HASHES = Pattern.compile("\"eventID\":\"(h\\d+)\"");

    private final EventBatchSubmitter ledger = mock(EventBatchSubmitter.class);
    private final LedgerOutcomes outcomes = mock(LedgerOutcomes.class);
    private final DeadLetterEntries deadLetters = mock(DeadLetterEntries.class);
    private final List<List<String>> submitted = new ArrayList<>();
    private final List<Long> deadLettered = new ArrayList<>();
    private LedgerSubmitter submitter;

    @BeforeEach
    void setUp() {
        KafkaClients kafka = mock(KafkaClients.class);
        when(kafka.common()).thenReturn(new HashMap<>());
        HubProperties properties = new HubProperties(new HubProperties.Kafka("localhost:9092", java.util.Map.of(),
                new HubProperties.Topics("c", "j", "d", "o", "a"), 1, (short) 1, false), null, null, null, null,
                new HubProperties.Ledger(true, "traceability", "traceability", List.of(), 200,
                        java.time.Duration.ofMillis(10), "g", 1, java.time.Duration.ofMillis(10),
                        java.time.Duration.ofMillis(10)), List.of(), List.of());
        when(deadLetters.rejectedByLedger(anyString(), anyString(), anyString(), anyString(), any(), anyLong(),
                anyString(), anyString())).thenAnswer(call -> {
                    deadLettered.add(call.getArgument(5));
                    return new DeadLetter("c-e" + call.getArgument(5), DeadLetter.OPEN, "ledger", "", List.of(), "c",
                            call.getArgument(5), "acme", ORG, "http", null, null, null, null, null, null, 1,
                            Instant.now(), Instant.now(), null, 0);
                });
        submitter = new LedgerSubmitter(properties, kafka, ledger, mock(LedgerQueries.class),
                mock(LedgerTransactions.class), outcomes, deadLetters, new IngestMetrics(new SimpleMeterRegistry()));
    }

    /** The ledger refuses any batch holding one of {@code bad}, naming it when {@code named}; else commits. */
    private void ledgerRefuses(List<String> bad, boolean named) throws Exception {
        when(ledger.submit(eq(ORG), anyString())).thenAnswer(call -> {
            List<String> hashes = hashes(call.getArgument(1));
            submitted.add(hashes);
            for (String hash : hashes) {
                if (bad.contains(hash)) {
                    throw new LedgerRejection(ORG, "NOT_COMMISSIONED",
                            named ? "event #1 (" + hash + "): never commissioned" : "the batch breaks a rule", "tx-x");
                }
            }
            List<LedgerReceipt.EventStatus> statuses = hashes.stream()
                    .map(h -> new LedgerReceipt.EventStatus(h, LedgerReceipt.Outcome.COMMITTED)).toList();
            return new LedgerReceipt(ORG, "tx-" + submitted.size(), submitted.size(), hashes.size(), 0, statuses,
                    List.<LedgerAlert>of(), 1);
        });
    }

    @Test
    void theEventTheContractNamesIsDeadLetteredAndTheRestGoAgain() throws Exception {
        ledgerRefuses(List.of("h2"), true);

        submitter.submit(ORG, events(0, 1, 2, 3));

        assertThat(submitted).containsExactly(List.of("h0", "h1", "h2", "h3"), List.of("h0", "h1", "h3"));
        assertThat(deadLettered).containsExactly(2L);
    }

    @Test
    void aRefusalNamingNoEventIsNarrowedDownByHalves() throws Exception {
        ledgerRefuses(List.of("h3"), false);

        submitter.submit(ORG, events(0, 1, 2, 3));

        assertThat(deadLettered).containsExactly(3L);
        assertThat(submitted).containsExactly(List.of("h0", "h1", "h2", "h3"), List.of("h0", "h1"),
                List.of("h2", "h3"), List.of("h2"), List.of("h3"));
    }

    @Test
    void aLedgerThatCannotBeReachedKeepsTheBatchForLater() throws Exception {
        when(ledger.submit(eq(ORG), anyString())).thenThrow(new LedgerFailure(ORG, "peer unavailable", null, 5, true,
                null));

        assertThatThrownBy(() -> submitter.submit(ORG, events(0, 1)))
                .isInstanceOf(LedgerSubmitter.LedgerUnavailable.class).hasMessageContaining("peer unavailable");
        assertThat(deadLettered).isEmpty();
    }

    private static List<LedgerSubmitter.CanonicalRecord> events(int... indexes) {
        List<LedgerSubmitter.CanonicalRecord> events = new ArrayList<>();
        for (int i : indexes) {
            events.add(new LedgerSubmitter.CanonicalRecord(new TopicPartition("c", 0), i, Instant.now(), ORG, "c", i,
                    "acme", "http", null, "h" + i, "{\"eventID\":\"h" + i + "\"}"));
        }
        return events;
    }

    private static List<String> hashes(String batchDocument) {
        List<String> hashes = new ArrayList<>();
        Matcher matcher = HASHES.matcher(batchDocument);
        while (matcher.find()) {
            hashes.add(matcher.group(1));
        }
        return hashes;
    }
}
