package org.pharmatrace.hub.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable state kept in a compacted Kafka topic: each key's latest JSON value is the state, read back whole on
 * start-up (before the routes start) and then followed, so a restarted hub, or a second instance, sees what was
 * written. Writes wait for the brokers' acknowledgement (acks=all) before the local view changes, so what a caller
 * has been told is on Kafka. Values carry a version; an older version never replaces a newer one.
 */
public final class CompactedTopicView<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicView.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final String topic;
    private final Class<V> type;
    private final ObjectMapper json;
    private final ToLongFunction<V> version;
    private final BiConsumer<V, V> onChange;
    private final Map<String, V> entries = new ConcurrentHashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread follower;
    private volatile boolean closed;

    /**
     * Reads the topic to its current end, then follows it on a daemon thread.
     *
     * @param onChange told (old value or null, new value) whenever an entry changes, for secondary indexes
     */
    public CompactedTopicView(KafkaClients clients, String topic, Class<V> type, ObjectMapper json,
                              ToLongFunction<V> version, BiConsumer<V, V> onChange) {
        this.topic = topic;
        this.type = type;
        this.json = json;
        this.version = version;
        this.onChange = onChange;

        Map<String, Object> producerConfig = clients.common();
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaClients.STATE_RECORD_MAX_BYTES);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());

        Map<String, Object> consumerConfig = clients.common();
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            readToEnd();
        } catch (RuntimeException e) {
            consumer.close();
            producer.close();
            throw e;
        }
        this.follower = new Thread(this::follow, "state-view-" + topic);
        follower.setDaemon(true);
        follower.start();
    }

    private void readToEnd() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, STARTUP_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("Kafka topic " + topic + " does not exist (hub.kafka.create-topics creates it)");
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, STARTUP_TIMEOUT);
        int records = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p, STARTUP_TIMEOUT) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read Kafka topic " + topic + " to its end within "
                        + STARTUP_TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                apply(record);
                records++;
            }
        }
        LOG.info("read {} records of {} into {} entries", records, topic, entries.size());
    }

    private void follow() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    apply(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("stopped following Kafka topic {}: {}", topic, e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            V removed = entries.remove(record.key());
            if (removed != null) {
                onChange.accept(removed, null);
            }
            return;
        }
        try {
            apply(record.key(), json.readValue(record.value(), type));
        } catch (IOException e) {
            LOG.error("skipping unreadable record {} at {}-{}@{}: {}", record.key(), topic, record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private void apply(String key, V value) {
        V[] previous = newArray();
        entries.compute(key, (k, old) -> {
            previous[0] = old;
            return old == null || version.applyAsLong(value) >= version.applyAsLong(old) ? value : old;
        });
        if (entries.get(key) == value) {
            onChange.accept(previous[0], value);
        }
    }

    @SuppressWarnings("unchecked")
    private V[] newArray() {
        return (V[]) new Object[1];
    }

    /** Writes the value and waits until Kafka has it; then the view shows it. */
    public void put(String key, V value) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + type.getSimpleName() + " " + key, e);
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, bytes)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take " + type.getSimpleName() + " " + key + " on " + topic
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + type.getSimpleName() + " " + key + " on "
                    + topic + " within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        }
        apply(key, value);
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public Collection<V> values() {
        return entries.values();
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        producer.close(Duration.ofSeconds(10));
    }
}
