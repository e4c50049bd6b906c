package org.pharmatrace.query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.query.*}: the query index's database, paging, the indexer, subscriptions and output defaults. Every
 * key and its default is listed in query/README.md. Regulators' logins are {@code hub.regulators} (HubProperties).
 *
 * @param enabled whether the query side runs at all (index, API, subscriptions)
 * @param datasource the PostgreSQL database of the index
 * @param paging perPage defaults and limits, and the key that signs page tokens
 * @param indexer how the indexer follows the ledger
 * @param subscriptions webhook delivery
 * @param fetchSize rows fetched per round trip while an answer streams (the JDBC cursor's fetch size)
 * @param defaultEpcFormat GS1-EPC-Format applied when a request has none: {@code Always_GS1_Digital_Link} (the REST
 *        binding's default), {@code Always_EPC_URN}, {@code Never_Translates} or {@code No_Preference}
 * @param namespaces extra prefixes for extension-field query parameters ({@code EQ_ILMD_prefix:name}), prefix to
 *        namespace URI; cbvmda, gs1, gs1ushc, cbv, sbdh are known already
 * @param maxQueryDuration longest a query may run in the database before it is cancelled (QueryTooComplexException)
 */
@ConfigurationProperties("hub.query")
public record QueryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Datasource datasource,
        @DefaultValue Paging paging,
        @DefaultValue Indexer indexer,
        @DefaultValue Subscriptions subscriptions,
        @DefaultValue("500") int fetchSize,
        @DefaultValue("Always_GS1_Digital_Link") String defaultEpcFormat,
        @DefaultValue Map<String, String> namespaces,
        @DefaultValue("10m") Duration maxQueryDuration) {

    /**
     * @param url JDBC URL of the index database
     * @param maximumPoolSize connections at most (each streaming answer holds one while it streams)
     */
    public record Datasource(
            @DefaultValue("jdbc:postgresql://127.0.0.1:5432/pharmatrace") String url,
            @DefaultValue("hub") String username,
            String password,
            @DefaultValue("10") int maximumPoolSize) {
    }

    /**
     * @param defaultPerPage events per page when the request gives no perPage (the REST binding's default is 30)
     * @param maxPerPage the largest perPage accepted; answers stream, so this bounds response size, not memory
     * @param tokenSecret the HMAC key of nextPageTokens (at least 32 characters); without one, a random key is made
     *        at start-up and tokens do not survive a restart or work across instances
     * @param tokenLifetime how long a nextPageToken stays valid (GS1-Next-Page-Token-Expires)
     */
    public record Paging(
            @DefaultValue("30") int defaultPerPage,
            @DefaultValue("100000") int maxPerPage,
            String tokenSecret,
            @DefaultValue("1h") Duration tokenLifetime) {
    }

    /**
     * @param enabled whether the indexer follows the ledger (needs a LedgerEventFeed bean)
     * @param retryDelay wait before following again after the feed or the database failed
     */
    public record Indexer(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5s") Duration retryDelay) {
    }

    /**
     * @param enabled whether subscriptions are delivered
     * @param allowedDestinations regular expressions; a subscription's {@code dest} must match one (in full)
     * @param pollInterval how often the dispatcher looks for due work besides being woken by the indexer
     * @param batchSize events per delivered EPCISQueryDocument at most
     * @param requestTimeout how long a webhook may take to answer
     * @param maxBackoff longest wait between attempts at a failing webhook
     */
    public record Subscriptions(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("https://.*") List<String> allowedDestinations,
            @DefaultValue("5s") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("30s") Duration requestTimeout,
            @DefaultValue("10m") Duration maxBackoff) {
    }
}
