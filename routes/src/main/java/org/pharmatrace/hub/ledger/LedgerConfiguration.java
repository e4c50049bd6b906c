package org.pharmatrace.hub.ledger;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pharmatrace.connectors.fabric.EventBatchSubmitter;
import org.pharmatrace.connectors.fabric.FabricGatewaySettings;
import org.pharmatrace.connectors.fabric.LedgerFailure;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.connectors.fabric.LedgerQueries;
import org.pharmatrace.connectors.fabric.LedgerTransactions;
import org.pharmatrace.connectors.fabric.OrganisationIdentity;
import org.pharmatrace.connectors.fabric.SubmitRetryPolicy;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.deadletter.DeadLetterEntries;
import org.pharmatrace.hub.kafka.KafkaClients;
import org.pharmatrace.hub.observability.IngestMetrics;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger side of the hub, on when {@code hub.ledger.enabled}: one gateway connection per configured organisation
 * (gRPC connects lazily, so the hub starts while peers are down), the submitter, and the {@code ledger} health.
 */
@Configuration
@ConditionalOnProperty(prefix = "hub.ledger", name = "enabled", havingValue = "true")
public class LedgerConfiguration {

    @Bean(destroyMethod = "close")
    LedgerGateway ledgerGateway(HubProperties properties) throws IOException, GeneralSecurityException {
        HubProperties.Ledger ledger = properties.ledger();
        if (ledger.organisations().isEmpty()) {
            throw new IllegalStateException("hub.ledger.enabled is true but hub.ledger.organisations is empty: the hub"
                    + " needs a gateway peer and an enrolment for each organisation it submits for");
        }
        Map<OrganisationIdentity, FabricGatewaySettings> organisations = new LinkedHashMap<>();
        for (HubProperties.LedgerOrganisation organisation : ledger.organisations()) {
            String where = "hub.ledger.organisations[" + organisation.mspId() + "]";
            requireFile(organisation.tlsCaCertificate(), where + ".tls-ca-certificate");
            requireFile(organisation.certificate(), where + ".certificate");
            requireFile(organisation.privateKey(), where + ".private-key");
            // Large batches take seconds to endorse; the commit wait covers a few block intervals and a slow disk.
            FabricGatewaySettings gateway = new FabricGatewaySettings(organisation.peerEndpoint(),
                    organisation.tlsCaCertificate(), organisation.serverNameOverride(), ledger.channel(),
                    ledger.chaincode(), Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofSeconds(30),
                    Duration.ofMinutes(2));
            organisations.put(new OrganisationIdentity(organisation.mspId(), organisation.certificate(),
                    organisation.privateKey()), gateway);
        }
        return LedgerGateway.connect(organisations);
    }

    @Bean
    EventBatchSubmitter eventBatchSubmitter(LedgerGateway gateway, HubProperties properties) {
        return new EventBatchSubmitter(gateway, new SubmitRetryPolicy(properties.ledger().submitAttempts(),
                Duration.ofMillis(200), Duration.ofSeconds(5), 2.0));
    }

    @Bean
    LedgerQueries ledgerQueries(LedgerGateway gateway) {
        return new LedgerQueries(gateway);
    }

    @Bean
    LedgerTransactions ledgerTransactions(LedgerGateway gateway) {
        return new LedgerTransactions(gateway);
    }

    @Bean
    LedgerSubmitter ledgerSubmitter(HubProperties properties, KafkaClients kafka, EventBatchSubmitter submitter,
                                    LedgerQueries queries, LedgerTransactions transactions, LedgerOutcomes outcomes,
                                    DeadLetterEntries deadLetters, IngestMetrics metrics) {
        return new LedgerSubmitter(properties, kafka, submitter, queries, transactions, outcomes, deadLetters, metrics);
    }

    /** Health "ledger": every organisation's gateway peer answers with the channel's height. */
    @Bean("ledger")
    HealthIndicator ledgerHealth(LedgerGateway gateway, LedgerTransactions transactions) {
        return () -> {
            Health.Builder health = Health.up();
            for (String organisation : gateway.organisations()) {
                try {
                    health.withDetail(organisation, Map.of("height", transactions.height(organisation)));
                } catch (LedgerFailure e) {
                    health.down().withDetail(organisation, Map.of("problem", e.getMessage()));
                }
            }
            return health.build();
        };
    }

    private static void requireFile(java.nio.file.Path file, String key) {
        if (file == null || !java.nio.file.Files.exists(file)) {
            throw new IllegalStateException(key + ": " + (file == null ? "not set" : file + " does not exist"));
        }
    }
}
