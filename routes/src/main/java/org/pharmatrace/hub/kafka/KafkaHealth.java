package org.pharmatrace.hub.kafka;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Actuator health "kafka": the cluster answers and has brokers. */
@Component("kafka")
public class KafkaHealth extends AbstractHealthIndicator {

    private final KafkaClients clients;

    public KafkaHealth(KafkaClients clients) {
        super("Kafka health check failed");
        this.clients = clients;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = clients.admin().describeCluster(new DescribeClusterOptions().timeoutMs(5000));
        int brokers = cluster.nodes().get(5, TimeUnit.SECONDS).size();
        String clusterId = cluster.clusterId().get(5, TimeUnit.SECONDS);
        (brokers > 0 ? builder.up() : builder.down()).withDetail("clusterId", clusterId).withDetail("brokers", brokers);
    }
}
