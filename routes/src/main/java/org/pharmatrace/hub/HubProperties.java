package org.pharmatrace.hub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The hub's settings under {@code hub.*} in application.yaml: Kafka topics, capture limits, where original documents
 * are kept, and the trading partners (with their credentials and the parties they may speak for).
 */
@ConfigurationProperties("hub")
public record HubProperties(
        @DefaultValue Kafka kafka,
        @DefaultValue Capture capture,
        @DefaultValue Ingest ingest,
        @DefaultValue Documents documents,
        @DefaultValue DeadLetters deadLetters,
        @DefaultValue Ledger ledger,
        @DefaultValue List<Partner> partners,
        @DefaultValue List<Operator> operators) {

    /**
     * @param bootstrapServers the brokers, shared by Camel's Kafka component and the hub's own state topics
     * @param properties extra Kafka client properties (security.protocol, sasl.*, ...) for the state topics
     */
    public record Kafka(
            @DefaultValue("localhost:9092") String bootstrapServers,
            @DefaultValue Map<String, String> properties,
            @DefaultValue Topics topics,
            @DefaultValue("6") int canonicalEventPartitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("true") boolean createTopics) {
    }

    public record Topics(
            @DefaultValue("hub.canonical-events") String canonicalEvents,
            @DefaultValue("hub.capture-jobs") String captureJobs,
            @DefaultValue("hub.dlq") String deadLetters,
            @DefaultValue("hub.ledger-outcomes") String ledgerOutcomes,
            @DefaultValue("hub.attachments") String attachments) {
    }

    /**
     * @param maxDocumentSize larger bodies get 413; a document is held in memory while it is validated
     * @param maxEvents documents with more events get 413 (GS1-EPCIS-Capture-Limit)
     * @param errorBehaviour what happens to the valid events of a document with invalid ones when the caller sends
     *        no GS1-Capture-Error-Behaviour header: {@code proceed} (they are captured) or {@code rollback} (400)
     * @param ingestWorkers how many accepted documents are ingested at the same time; 1 keeps an organisation's
     *        documents in acceptance order on the canonical topic
     */
    public record Capture(
            @DefaultValue("16MB") DataSize maxDocumentSize,
            @DefaultValue("50000") int maxEvents,
            @DefaultValue("proceed") String errorBehaviour,
            @DefaultValue("1") int ingestWorkers) {
    }

    /** @param partitionKey {@code organisation} (default) or {@code item}; see routes/README.md */
    public record Ingest(@DefaultValue("organisation") String partitionKey) {
    }

    /** @param store {@code local} (a directory, for a single node) or {@code ipfs} (encrypted on Kubo) */
    public record Documents(
            @DefaultValue("local") String store,
            @DefaultValue Local local,
            @DefaultValue Ipfs ipfs) {
    }

    public record Local(@DefaultValue("data/documents") Path directory) {
    }

    public record Ipfs(
            @DefaultValue("http://127.0.0.1:5001") String apiUrl,
            Path keystore,
            String keystorePassword,
            @DefaultValue("hub-kek-1") String keyAlias,
            @DefaultValue("data/ipfs-spool") Path spoolDirectory) {
    }

    /** @param maxInlinePayload payloads up to this size travel inside the DLQ record; larger ones by reference */
    public record DeadLetters(@DefaultValue("256KB") DataSize maxInlinePayload) {
    }

    /**
     * The ledger submitter: canonical events go to the traceability chaincode in batches, each signed by the
     * organisation that captured them.
     *
     * @param enabled off: events stay on the canonical topic (a hub without a ledger, for development)
     * @param organisations one gateway connection and identity per organisation the hub submits for
     * @param batchSize events per Fabric transaction at most
     * @param linger how long the submitter waits for a batch to fill before it submits what it has
     * @param consumerGroup the Kafka consumer group whose committed offsets say what is on the ledger
     * @param submitAttempts attempts per batch for transient failures (read conflicts, timeouts, peer unavailable)
     * @param pauseAfterFailure after a batch exhausted its attempts, the submitter waits this long before it tries
     *        again (doubling up to {@code maxPause}); the events wait on Kafka meanwhile
     */
    public record Ledger(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("traceability") String channel,
            @DefaultValue("traceability") String chaincode,
            @DefaultValue List<LedgerOrganisation> organisations,
            @DefaultValue("200") int batchSize,
            @DefaultValue("200ms") Duration linger,
            @DefaultValue("hub-ledger-submitter") String consumerGroup,
            @DefaultValue("5") int submitAttempts,
            @DefaultValue("2s") Duration pauseAfterFailure,
            @DefaultValue("60s") Duration maxPause) {
    }

    /**
     * How the hub reaches the ledger as one organisation: its gateway peer (TLS) and the enrolment it signs with.
     *
     * @param privateKey a PEM file, or a directory holding exactly one (cryptogen's and Fabric CA's keystore)
     * @param serverNameOverride the TLS host name, when the peer's certificate does not name the endpoint's host
     */
    public record LedgerOrganisation(
            String mspId,
            String peerEndpoint,
            Path tlsCaCertificate,
            String serverNameOverride,
            Path certificate,
            Path privateKey) {
    }

    /**
     * A trading partner: who it is, how it authenticates, and what it may claim.
     *
     * @param id the partner's user name for HTTP Basic
     * @param organisation the Fabric MSP id of the partner's organisation
     * @param passwordHash a bcrypt hash ({@code $2a$...} or {@code {bcrypt}$2a$...})
     * @param parties the PGLNs, SGLNs (any notation) or other party identifiers the partner may speak for
     * @param companyPrefixes GS1 company prefixes whose every GLN is the partner's
     */
    public record Partner(
            String id,
            String organisation,
            String passwordHash,
            @DefaultValue List<String> parties,
            @DefaultValue List<String> companyPrefixes) {
    }

    /** An operator: sees and handles every partner's dead letters and capture jobs, captures nothing itself. */
    public record Operator(String id, String passwordHash) {
    }
}
