package org.pharmatrace.hub.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.pharmatrace.connectors.fabric.EventBatchSubmitter;
import org.pharmatrace.connectors.fabric.LedgerFailure;
import org.pharmatrace.connectors.fabric.LedgerQueries;
import org.pharmatrace.connectors.fabric.LedgerReceipt;
import org.pharmatrace.connectors.fabric.LedgerRejection;
import org.pharmatrace.connectors.fabric.LedgerTransactions;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.deadletter.DeadLetter;
import org.pharmatrace.hub.deadletter.DeadLetterEntries;
import org.pharmatrace.hub.ingest.CanonicalEventRecords;
import org.pharmatrace.hub.ingest.CaptureIngest;
import org.pharmatrace.hub.kafka.KafkaClients;
import org.pharmatrace.hub.observability.IngestMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The pipeline's last stage: takes the canonical events off Kafka in batches (up to {@code batch-size}, waiting at
 * most {@code linger} for one to fill), records each batch on the ledger as the organisation that captured it, and
 * notes per event what became of it ({@link LedgerOutcomes}).
 *
 * <p>Kafka is the buffer and the consumer group's offsets are the bookmark: an offset is committed only once its
 * events are on the ledger or dead-lettered. When the ledger cannot be reached (peers down, ordering unavailable) the
 * submitter seeks back, waits (doubling up to {@code max-pause}) and tries again; nothing is lost and nothing is
 * skipped. A crash between a ledger commit and the offset commit sends those events again: the contract answers
 * {@code duplicate}, and the event's recording transaction is looked up, so the job still reports the one
 * transaction that holds it.
 *
 * <p>The chaincode refuses a whole batch for one bad event (a lifecycle rule, a foreign company prefix). Its message
 * names the event's hash; that event is dead-lettered and the rest of the batch is submitted again. A refusal that
 * names no event splits the batch in halves until the culprit is alone.
 */
public final class LedgerSubmitter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSubmitter.class);

    private final HubProperties.Ledger settings;
    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final EventBatchSubmitter submitter;
    private final LedgerQueries queries;
    private final LedgerTransactions transactions;
    private final LedgerOutcomes outcomes;
    private final DeadLetterEntries deadLetters;
    private final IngestMetrics metrics;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread worker;

    /** A canonical-events record as the submitter needs it. */
    record CanonicalRecord(TopicPartition partition, long offset, Instant publishedAt, String organisation,
                           String captureId, long eventIndex, String partner, String channel, String sourceDocument,
                           String eventHash, String eventJson) {
    }

    /** The ledger cannot take events for now; the batch waits on Kafka. */
    static final class LedgerUnavailable extends Exception {
        LedgerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public LedgerSubmitter(HubProperties properties, KafkaClients kafka, EventBatchSubmitter submitter,
                           LedgerQueries queries, LedgerTransactions transactions, LedgerOutcomes outcomes,
                           DeadLetterEntries deadLetters, IngestMetrics metrics) {
        this.settings = properties.ledger();
        this.topic = properties.kafka().topics().canonicalEvents();
        this.submitter = submitter;
        this.queries = queries;
        this.transactions = transactions;
        this.outcomes = outcomes;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        Map<String, Object> config = kafka.common();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        // A batch may wait through several retries of a slow ledger before the next poll.
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumerConfig = config;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "ledger-submitter");
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Until stopped: a consumer follows the topic; when something unexpected breaks it (a rebalance under a commit,
     * Kafka unreachable for the outcome records), it is closed and a new one resumes from the committed offsets.
     */
    private void run() {
        Duration pause = settings.pauseAfterFailure();
        while (running) {
            try {
                follow();
                pause = settings.pauseAfterFailure();
            } catch (WakeupException e) {
                if (running) {
                    LOG.error("the ledger submitter was woken up while running", e);
                }
            } catch (RuntimeException e) {
                LOG.error("the ledger submitter failed; it resumes from the committed offsets in {} ms",
                        pause.toMillis(), e);
                sleep(pause);
                pause = longer(pause);
            }
        }
    }

    private void follow() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerConfig)) {
            consumer = kafka;
            kafka.subscribe(List.of(topic));
            LOG.info("submitting {} to the ledger in batches of up to {} events (linger {} ms)", topic,
                    settings.batchSize(), settings.linger().toMillis());
            Duration pause = settings.pauseAfterFailure();
            while (running) {
                Map<TopicPartition, List<CanonicalRecord>> batch = collect(kafka);
                Map<TopicPartition, Long> done = new LinkedHashMap<>();
                try {
                    for (Map.Entry<TopicPartition, List<CanonicalRecord>> partition : batch.entrySet()) {
                        submitPartition(kafka, partition.getValue(), done);
                    }
                    pause = settings.pauseAfterFailure();
                } catch (LedgerUnavailable e) {
                    batch.forEach((partition, records) -> kafka.seek(partition,
                            done.getOrDefault(partition, records.get(0).offset())));
                    LOG.warn("the ledger cannot take events now ({}); the events wait on Kafka, next try in {} ms",
                            e.getMessage(), pause.toMillis());
                    waitOut(kafka, pause);
                    pause = longer(pause);
                }
            }
        } finally {
            consumer = null;
        }
    }

    private Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(settings.maxPause()) > 0 ? settings.maxPause() : doubled;
    }

    private void sleep(Duration pause) {
        long until = System.currentTimeMillis() + pause.toMillis();
        while (running && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(200, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Up to batch-size records: what the first poll brings, topped up until the linger time is over. */
    private Map<TopicPartition, List<CanonicalRecord>> collect(KafkaConsumer<String, String> kafka) {
        Map<TopicPartition, List<CanonicalRecord>> batch = new LinkedHashMap<>();
        int count = 0;
        long deadline = Long.MAX_VALUE;
        while (running && count < settings.batchSize()) {
            long now = System.currentTimeMillis();
            if (now >= deadline) {
                break;
            }
            Duration wait = Duration.ofMillis(deadline == Long.MAX_VALUE ? 1000 : deadline - now);
            ConsumerRecords<String, String> polled = kafka.poll(wait);
            for (ConsumerRecord<String, String> record : polled) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                batch.computeIfAbsent(partition, p -> new ArrayList<>()).add(canonical(partition, record));
                count++;
            }
            if (count > 0 && deadline == Long.MAX_VALUE) {
                deadline = System.currentTimeMillis() + settings.linger().toMillis();
            }
        }
        return batch;
    }

    /** A partition's records in order: runs of one organisation, each in transactions of up to batch-size events. */
    private void submitPartition(KafkaConsumer<String, String> kafka, List<CanonicalRecord> records,
                                 Map<TopicPartition, Long> done) throws LedgerUnavailable {
        int start = 0;
        while (start < records.size()) {
            String organisation = records.get(start).organisation();
            int end = start;
            while (end < records.size() && end - start < settings.batchSize()
                    && Objects.equals(records.get(end).organisation(), organisation)) {
                end++;
            }
            List<CanonicalRecord> chunk = records.subList(start, end);
            submit(organisation, new ArrayList<>(chunk));
            CanonicalRecord last = chunk.get(chunk.size() - 1);
            kafka.commitSync(Map.of(last.partition(), new OffsetAndMetadata(last.offset() + 1)));
            done.put(last.partition(), last.offset() + 1);
            start = end;
        }
    }

    void submit(String organisation, List<CanonicalRecord> events) throws LedgerUnavailable {
        while (!events.isEmpty()) {
            long started = System.nanoTime();
            try {
                LedgerReceipt receipt = submitter.submit(organisation, CanonicalEventRecords.batchDocument(
                        events.stream().map(CanonicalRecord::eventJson).toList(), Instant.now().toString()));
                metrics.ledgerTransaction(organisation, events.size(), Duration.ofNanos(System.nanoTime() - started));
                recordReceipt(receipt, events);
                return;
            } catch (LedgerRejection rejection) {
                int culprit = culprit(rejection, events);
                if (culprit < 0 && events.size() > 1) {
                    int half = events.size() / 2;
                    submit(organisation, new ArrayList<>(events.subList(0, half)));
                    submit(organisation, new ArrayList<>(events.subList(half, events.size())));
                    return;
                }
                deadLetter(events.remove(Math.max(culprit, 0)), rejection.code(), rejection.reason(),
                        rejection.transactionId());
            } catch (LedgerFailure failure) {
                throw new LedgerUnavailable(failure.getMessage(), failure);
            } catch (IllegalArgumentException noIdentity) {
                // The hub has no enrolment for the organisation: a configuration matter, not the events' fault.
                throw new LedgerUnavailable(noIdentity.getMessage(), noIdentity);
            }
        }
    }

    /** The event the contract's message names ({@code event #3 (ni:///...)}), -1 when it names none. */
    private static int culprit(LedgerRejection rejection, List<CanonicalRecord> events) {
        String reason = rejection.reason() == null ? "" : rejection.reason();
        for (int i = 0; i < events.size(); i++) {
            if (reason.contains(events.get(i).eventHash())) {
                return i;
            }
        }
        return -1;
    }

    private void deadLetter(CanonicalRecord event, String code, String reason, String transactionId)
            throws LedgerUnavailable {
        String because = code + ": " + reason;
        DeadLetter entry = deadLetters.rejectedByLedger(event.captureId(), event.partner(), event.organisation(),
                event.channel(), event.sourceDocument(), event.eventIndex(), event.eventJson(), because);
        outcomes.record(new LedgerOutcome(event.captureId(), LedgerOutcome.REJECTED,
                EventIndexRanges.format(List.of(event.eventIndex())), event.organisation(), transactionId, null, code,
                reason, entry.id(), Instant.now(), 0));
        LOG.info("the ledger rejected event {} of capture {}: {}", event.eventIndex(), event.captureId(), because);
    }

    /** Per capture: the events this transaction recorded, and those it found recorded by an earlier one. */
    private void recordReceipt(LedgerReceipt receipt, List<CanonicalRecord> events) throws LedgerUnavailable {
        Map<String, Map<String, List<CanonicalRecord>>> byCaptureAndTransaction = new LinkedHashMap<>();
        Map<String, Long> blocks = new LinkedHashMap<>();
        blocks.put(receipt.transactionId(), receipt.blockNumber());
        Instant now = Instant.now();
        for (CanonicalRecord event : events) {
            LedgerReceipt.Outcome outcome = receipt.outcomeOf(event.eventHash())
                    .orElseThrow(() -> new IllegalStateException("transaction " + receipt.transactionId()
                            + " says nothing of event " + event.eventHash()));
            String transaction = receipt.transactionId();
            if (outcome == LedgerReceipt.Outcome.DUPLICATE) {
                transaction = recordingTransaction(receipt.organisation(), event.eventHash());
                if (!blocks.containsKey(transaction)) {
                    blocks.put(transaction, blockOf(receipt.organisation(), transaction));
                }
            }
            byCaptureAndTransaction.computeIfAbsent(event.captureId(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(transaction, t -> new ArrayList<>()).add(event);
            metrics.eventOnLedger(event.partner(), event.channel(), outcome.name().toLowerCase(),
                    Duration.between(event.publishedAt(), now));
        }
        byCaptureAndTransaction.forEach((captureId, byTransaction) -> byTransaction.forEach((transaction, recorded) ->
                outcomes.record(new LedgerOutcome(captureId,
                        transaction.equals(receipt.transactionId()) ? LedgerOutcome.COMMITTED : LedgerOutcome.DUPLICATE,
                        EventIndexRanges.format(recorded.stream().map(CanonicalRecord::eventIndex).toList()),
                        receipt.organisation(), transaction, blocks.get(transaction), null, null, null, now, 0))));
        if (!receipt.alerts().isEmpty()) {
            LOG.warn("transaction {} recorded events with alerts: {}", receipt.transactionId(), receipt.alerts());
        }
        LOG.debug("transaction {} in block {}: {} committed, {} already on the ledger", receipt.transactionId(),
                receipt.blockNumber(), receipt.committed(), receipt.duplicates());
    }

    private String recordingTransaction(String organisation, String eventHash) throws LedgerUnavailable {
        try {
            String stored = queries.event(organisation, eventHash).orElseThrow(() -> new IllegalStateException(
                    "the contract called " + eventHash + " a duplicate but getEvent does not find it"));
            JsonNode txId = json.readTree(stored).get("txId");
            if (txId == null || !txId.isTextual()) {
                throw new IllegalStateException("getEvent " + eventHash + " names no recording transaction");
            }
            return txId.asText();
        } catch (LedgerRejection | LedgerFailure | IOException e) {
            throw new LedgerUnavailable("cannot look up the transaction that recorded " + eventHash + ": "
                    + e.getMessage(), e);
        }
    }

    private long blockOf(String organisation, String transactionId) throws LedgerUnavailable {
        try {
            return transactions.blockOf(organisation, transactionId);
        } catch (LedgerFailure e) {
            throw new LedgerUnavailable(e.getMessage(), e);
        }
    }

    /** Waits without leaving the consumer group: partitions paused, polls kept up. */
    private void waitOut(KafkaConsumer<String, String> kafka, Duration pause) {
        kafka.pause(kafka.assignment());
        long until = System.currentTimeMillis() + pause.toMillis();
        try {
            while (running && System.currentTimeMillis() < until) {
                kafka.poll(Duration.ofMillis(Math.min(500, Math.max(1, until - System.currentTimeMillis()))));
            }
        } finally {
            kafka.resume(kafka.paused());
        }
    }

    private static CanonicalRecord canonical(TopicPartition partition, ConsumerRecord<String, String> record) {
        return new CanonicalRecord(partition, record.offset(), Instant.ofEpochMilli(record.timestamp()),
                header(record, CaptureIngest.ORGANISATION), header(record, CaptureIngest.CAPTURE_ID),
                Long.parseLong(Objects.requireNonNullElse(header(record, CaptureIngest.EVENT_INDEX), "-1")),
                header(record, CaptureIngest.PARTNER), header(record, CaptureIngest.CHANNEL),
                header(record, CaptureIngest.SOURCE_DOCUMENT), header(record, CaptureIngest.EVENT_HASH_ID),
                record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
