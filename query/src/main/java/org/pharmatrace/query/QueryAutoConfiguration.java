package org.pharmatrace.query;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.flywaydb.core.Flyway;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.partner.ApiAuthorisationRules;
import org.pharmatrace.hub.partner.ApiUsers;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.pharmatrace.query.access.QueryAuditLog;
import org.pharmatrace.query.access.QuerySecurity;
import org.pharmatrace.query.access.RegulatorLogins;
import org.pharmatrace.query.access.Viewers;
import org.pharmatrace.query.api.ApiConfiguration;
import org.pharmatrace.query.epcis.EventExport;
import org.pharmatrace.query.epcis.EventQueries;
import org.pharmatrace.query.epcis.PageTokens;
import org.pharmatrace.query.epcis.ResourceLists;
import org.pharmatrace.query.index.EventIndexer;
import org.pharmatrace.query.index.PartnerPartyDirectory;
import org.pharmatrace.query.index.PartyDirectory;
import org.pharmatrace.query.index.QueryDatabase;
import org.pharmatrace.query.ledger.LedgerEventFeed;
import org.pharmatrace.query.ledger.LedgerProof;
import org.pharmatrace.query.proof.EventVerification;
import org.pharmatrace.query.report.CustodyReport;
import org.pharmatrace.query.report.RecallReach;
import org.pharmatrace.query.subscription.NamedQueries;
import org.pharmatrace.query.subscription.SubscriptionDispatcher;
import org.pharmatrace.query.subscription.Subscriptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * The query side, as a Spring Boot auto-configuration the hub picks up when hub-query is on its class path: the
 * index database (PostgreSQL, migrated with Flyway), the indexer, the EPCIS query API, subscriptions, verification,
 * reports and the audit log. {@code hub.query.enabled=false} leaves all of it out.
 */
@AutoConfiguration(before = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@ConditionalOnProperty(prefix = "hub.query", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({QueryProperties.class, RegulatorLogins.class})
@Import(ApiConfiguration.class)
public class QueryAutoConfiguration {

    /** The index database; being a DataSource bean, it is also the one Spring Boot's JDBC support sees. */
    @Bean(destroyMethod = "close")
    HikariDataSource queryDataSource(QueryProperties properties) {
        QueryProperties.Datasource d = properties.datasource();
        HikariConfig config = new HikariConfig();
        config.setPoolName("hub-query");
        config.setJdbcUrl(d.url());
        config.setUsername(d.username());
        config.setPassword(d.password());
        config.setMaximumPoolSize(d.maximumPoolSize());
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "pharmatrace-hub-query");
        return new HikariDataSource(config);
    }

    /** Being a Flyway bean, it also keeps Spring Boot's own Flyway migration (db/migration) from running. */
    @Bean
    Flyway queryFlyway(DataSource queryDataSource) {
        return QueryDatabase.flyway(queryDataSource);
    }

    @Bean
    QueryDatabase queryDatabase(DataSource queryDataSource, Flyway queryFlyway) {
        return new QueryDatabase(queryDataSource, queryFlyway);
    }

    @Bean
    @ConditionalOnMissingBean
    PartyDirectory partyDirectory(HubProperties hub) {
        return new PartnerPartyDirectory(hub);
    }

    @Bean
    EventIndexer eventIndexer(QueryDatabase database, PartyDirectory parties, ObjectProvider<LedgerEventFeed> feed,
            QueryProperties properties) {
        return new EventIndexer(database, parties, feed.getIfAvailable(), properties.indexer().retryDelay(),
                properties.indexer().enabled());
    }

    @Bean
    PageTokens pageTokens(QueryProperties properties) {
        return new PageTokens(properties.paging().tokenSecret(), properties.paging().tokenLifetime(), Clock.systemUTC());
    }

    @Bean
    EventQueries eventQueries(QueryDatabase database, PageTokens tokens, QueryProperties properties) {
        return new EventQueries(database, tokens, properties.fetchSize(), properties.maxQueryDuration());
    }

    @Bean
    ResourceLists resourceLists(QueryDatabase database) {
        return new ResourceLists(database);
    }

    @Bean
    EventVerification eventVerification(QueryDatabase database, PartyDirectory parties, ObjectProvider<LedgerProof> proof) {
        return new EventVerification(database, parties, proof.getIfAvailable());
    }

    @Bean
    CustodyReport custodyReport(QueryDatabase database, PartyDirectory parties) {
        return new CustodyReport(database, parties);
    }

    @Bean
    RecallReach recallReach(QueryDatabase database, PartyDirectory parties) {
        return new RecallReach(database, parties);
    }

    @Bean
    NamedQueries namedQueries(QueryDatabase database, QueryProperties properties) {
        return new NamedQueries(database, properties.namespaces());
    }

    @Bean
    Subscriptions subscriptions(QueryDatabase database, NamedQueries queries, QueryProperties properties) {
        return new Subscriptions(database, queries, properties.subscriptions().allowedDestinations());
    }

    @Bean
    @ConditionalOnProperty(prefix = "hub.query.subscriptions", name = "enabled", matchIfMissing = true)
    SubscriptionDispatcher subscriptionDispatcher(QueryDatabase database, Subscriptions subscriptions,
            NamedQueries queries, EventQueries events, PartnerDirectory partners, RegulatorLogins regulators,
            EventIndexer indexer, QueryProperties properties) {
        QueryProperties.Subscriptions s = properties.subscriptions();
        SubscriptionDispatcher dispatcher = new SubscriptionDispatcher(database, subscriptions, queries, events,
                partners, regulators, s.batchSize(), s.pollInterval(), s.requestTimeout(), s.maxBackoff(),
                EventExport.EpcFormat.of(properties.defaultEpcFormat()));
        indexer.addListener(dispatcher);
        return dispatcher;
    }

    @Bean
    QueryAuditLog queryAuditLog(QueryDatabase database) {
        return new QueryAuditLog(database, Clock.systemUTC());
    }

    @Bean
    Viewers viewers(PartnerDirectory partners) {
        return new Viewers(partners);
    }

    @Bean
    ApiUsers regulatorLogins(RegulatorLogins logins) {
        return QuerySecurity.regulators(logins);
    }

    @Bean
    ApiAuthorisationRules queryAuthorisation() {
        return QuerySecurity.rules();
    }

    @Bean
    WebSecurityCustomizer queryFirewall() {
        return web -> web.httpFirewall(QuerySecurity.firewall());
    }

    /** Encoded slashes in paths (Event Hash IDs, Digital Links) reach the application still encoded. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesInPaths() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    HealthIndicator queryIndexHealthIndicator(QueryDatabase database, EventIndexer indexer) {
        return () -> {
            try {
                return Health.up().withDetail("checkpoint", indexer.checkpoint().toString())
                        .withDetail("unindexableEvents", indexer.unindexableCount())
                        .withDetails(indexer.status()).build();
            } catch (Exception e) {
                return Health.down(e).withDetails(indexer.status()).build();
            }
        };
    }
}
