package org.pharmatrace.query.ledger.fabric;

import java.util.Set;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.connectors.fabric.LedgerQueries;
import org.pharmatrace.query.QueryAutoConfiguration;
import org.pharmatrace.query.ledger.LedgerEventFeed;
import org.pharmatrace.query.ledger.LedgerProof;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The query index on the real ledger, when the hub has one ({@code hub.ledger.enabled}: routes' LedgerConfiguration
 * makes the gateway): committed events from the chaincode's events, proofs from its {@code getEvent}. The ledger is
 * read as {@code hub.query.ledger-organisation}, by default the regulator's organisation when the hub has its
 * enrolment (the regulator reads everything anyway), else the first configured one.
 */
@AutoConfiguration(before = QueryAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hub.query", name = "enabled", matchIfMissing = true)
@ConditionalOnBean(LedgerGateway.class)
public class QueryLedgerAutoConfiguration {

    static final String REGULATOR_MSP = "RegulatorMSP";

    @Bean
    @ConditionalOnMissingBean
    LedgerEventFeed fabricLedgerEventFeed(LedgerGateway gateway, LedgerQueries queries,
                                          @Value("${hub.query.ledger-organisation:}") String organisation) {
        return new FabricLedgerEventFeed(gateway, queries, reader(gateway, organisation));
    }

    @Bean
    @ConditionalOnMissingBean
    LedgerProof fabricLedgerProof(LedgerGateway gateway, LedgerQueries queries,
                                  @Value("${hub.query.ledger-organisation:}") String organisation) {
        return new FabricLedgerProof(queries, reader(gateway, organisation));
    }

    static String reader(LedgerGateway gateway, String configured) {
        Set<String> organisations = gateway.organisations();
        if (configured != null && !configured.isBlank()) {
            if (!organisations.contains(configured)) {
                throw new IllegalStateException("hub.query.ledger-organisation: the hub has no ledger identity for "
                        + configured + "; configured: " + organisations);
            }
            return configured;
        }
        return organisations.contains(REGULATOR_MSP) ? REGULATOR_MSP : organisations.iterator().next();
    }
}
