package org.pharmatrace.verification;

import java.time.Clock;
import java.util.Set;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Product verification in the hub: on the classpath of a hub server, it adds the resolver endpoints, their
 * authorisation rules (for HubSecurity) and the ledger lookup. The lookup is the chaincode's {@code verify} through
 * the application's {@link LedgerGateway} bean (hub-routes makes one when {@code hub.ledger.enabled}); without one,
 * verification answers 503 and the barcode images still work. A {@link ProductStatusLookup} bean of the
 * application's own replaces the ledger's.
 */
@AutoConfiguration
@EnableConfigurationProperties(VerificationProperties.class)
@Import(VerificationAutoConfiguration.Web.class)
public class VerificationAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    ProductStatusLookup productStatusLookup(ObjectProvider<LedgerGateway> gateways, VerificationProperties properties) {
        LedgerGateway gateway = gateways.getIfAvailable();
        if (gateway == null) {
            LOG.warn("hub verification: no Fabric gateway is configured; verification requests are answered 503");
            return new LedgerNotConnected();
        }
        return new LedgerProductStatusLookup(gateway, organisation(properties.ledgerOrganisation(),
                gateway.organisations()));
    }

    /**
     * The configured MSP id, which must be one the gateway signs for; else the gateway's first. {@code verify} is an
     * evaluation anyone on the channel may make and nothing is written, so the identity only picks the peer asked.
     */
    static String organisation(String configured, Set<String> available) {
        if (configured != null) {
            if (!available.contains(configured)) {
                throw new IllegalStateException("hub.verification.ledger-organisation: the Fabric gateway holds no"
                        + " identity of " + configured + "; it has " + available);
            }
            return configured;
        }
        if (available.isEmpty()) {
            throw new IllegalStateException("hub verification: the Fabric gateway holds no organisation's identity");
        }
        String first = available.iterator().next();
        LOG.info("hub verification: verify is evaluated as {} (hub.verification.ledger-organisation names another"
                + " of {})", first, available);
        return first;
    }

    /** The endpoints and their authorisation rules, in a servlet web application only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import({VerificationSecurity.class, VerificationProblems.class})
    static class Web {

        @Bean
        ProductVerificationController productVerificationController(ProductStatusLookup lookup,
                                                                    VerificationProperties properties) {
            return new ProductVerificationController(lookup, properties, Clock.systemUTC());
        }
    }

    /** The lookup until the hub has a ledger connection: every verification is unavailable, not failed. */
    static final class LedgerNotConnected implements ProductStatusLookup {
        @Override
        public ProductStatus statusOf(ProductIdentifier pack) {
            throw new ProductStatusUnavailableException("the hub has no connection to the traceability ledger"
                    + " (no LedgerGateway bean)", false, null);
        }
    }
}
