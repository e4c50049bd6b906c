package org.pharmatrace.hub.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.pharmatrace.hub.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The hub's own Kafka clients (Camel's Kafka component has its own): the connection settings shared by the state
 * topics' producers and consumers, and the admin client that creates the topics on start-up and answers health.
 */
@Component
public class KafkaClients implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaClients.class);

    /** Capture job records list every event's hash; a large document's job is several megabytes. */
    public static final int STATE_RECORD_MAX_BYTES = 16 * 1024 * 1024;

    private final HubProperties.Kafka settings;
    private final Admin admin;

    public KafkaClients(HubProperties properties) {
        this.settings = properties.kafka();
        Map<String, Object> adminConfig = common();
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        this.admin = Admin.create(adminConfig);
        if (settings.createTopics()) {
            createTopics();
        }
    }

    /** Bootstrap servers plus the configured extra client properties. */
    public Map<String, Object> common() {
        Map<String, Object> config = new HashMap<>(settings.properties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return config;
    }

    public Admin admin() {
        return admin;
    }

    private void createTopics() {
        HubProperties.Topics topics = settings.topics();
        short replication = settings.replicationFactor();
        Map<String, String> compacted = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(STATE_RECORD_MAX_BYTES));
        Set<NewTopic> wanted = Set.of(
                new NewTopic(topics.canonicalEvents(), settings.canonicalEventPartitions(), replication),
                new NewTopic(topics.captureJobs(), 1, replication).configs(compacted),
                new NewTopic(topics.deadLetters(), 1, replication).configs(compacted),
                new NewTopic(topics.ledgerOutcomes(), 1, replication).configs(compacted),
                new NewTopic(topics.attachments(), 1, replication).configs(compacted));
        for (NewTopic topic : wanted) {
            try {
                admin.createTopics(Set.of(topic)).all().get(30, TimeUnit.SECONDS);
                LOG.info("created Kafka topic {}", topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create Kafka topic " + topic.name() + " on "
                            + settings.bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka at " + settings.bootstrapServers()
                        + " did not answer within 30 s while creating topic " + topic.name(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating Kafka topics", e);
            }
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
