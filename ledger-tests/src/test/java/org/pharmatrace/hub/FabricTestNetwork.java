package org.pharmatrace.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pharmatrace.connectors.fabric.FabricGatewaySettings;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.connectors.fabric.OrganisationIdentity;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real traceability network for the whole test JVM, started (fresh) by the project's own
 * {@code network/fabric.sh} and stopped when the JVM ends. A test that needs it and cannot start it fails, with the
 * script's output.
 */
public final class FabricTestNetwork {

    public static final String MANUFACTURER = "ManufacturerMSP";
    public static final String DISTRIBUTOR = "DistributorMSP";
    public static final String PHARMACY = "PharmacyMSP";
    public static final String REGULATOR = "RegulatorMSP";

    private static final Map<String, String> ORGS = Map.of(MANUFACTURER, "manufacturer", DISTRIBUTOR, "distributor",
            PHARMACY, "pharmacy", REGULATOR, "regulator");
    private static final Map<String, Integer> PORTS = Map.of(MANUFACTURER, 7051, DISTRIBUTOR, 7061, PHARMACY, 7071,
            REGULATOR, 7081);

    private static boolean started;

    private FabricTestNetwork() {
    }

    public static Path root() {
        return Path.of(System.getProperty("hub.root", "..")).toAbsolutePath().normalize();
    }

    public static Path runDirectory() {
        return root().resolve("ledger-tests/target/fabric-run");
    }

    /** Starts the network once per JVM (a fresh one: identities, channel and chaincode are created anew). */
    public static synchronized void start() {
        if (started) {
            return;
        }
        fabric("down", "--purge");
        fabric("up");
        started = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> fabric("down")));
    }

    /** Runs {@code network/fabric.sh ARGS} against the test network; fails the test with its output if it fails. */
    public static String fabric(String... args) {
        List<String> command = new ArrayList<>(List.of(root().resolve("network/fabric.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NETWORK_RUN_DIR", runDirectory().toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("network/fabric.sh " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The hub's ledger settings for a test context: on, with its own consumer group, submitting as each of
     * {@code mspIds} through that organisation's peer.
     */
    public static void ledgerSettings(DynamicPropertyRegistry registry, String consumerGroup, String... mspIds) {
        registry.add("hub.ledger.enabled", () -> "true");
        registry.add("hub.ledger.consumer-group", () -> consumerGroup);
        for (int i = 0; i < mspIds.length; i++) {
            String prefix = "hub.ledger.organisations[" + i + "].";
            FabricGatewaySettings settings = settings(mspIds[i]);
            OrganisationIdentity identity = identity(mspIds[i]);
            registry.add(prefix + "msp-id", identity::mspId);
            registry.add(prefix + "peer-endpoint", settings::peerEndpoint);
            registry.add(prefix + "tls-ca-certificate", () -> settings.tlsCaCertificate().toString());
            registry.add(prefix + "certificate", () -> identity.certificatePem().toString());
            registry.add(prefix + "private-key", () -> identity.privateKeyPem().toString());
        }
    }

    /** Kafka topics of the context's own, so that another cached context's ledger submitter does not take its events. */
    public static void ownTopics(DynamicPropertyRegistry registry, String prefix) {
        for (String topic : new String[] {"canonical-events", "capture-jobs", "dead-letters", "ledger-outcomes",
                "attachments"}) {
            registry.add("hub.kafka.topics." + topic, () -> prefix + "." + topic);
        }
    }

    /** The settings file the network writes for the hub ({@code hub.ledger.*}). */
    public static Path hubLedgerSettings() {
        return runDirectory().resolve("hub-ledger.yaml");
    }

    /** A gateway signing as each of the organisations, each through its own peer. */
    public static LedgerGateway gateway(String... mspIds) {
        Map<OrganisationIdentity, FabricGatewaySettings> organisations = new LinkedHashMap<>();
        for (String mspId : mspIds) {
            organisations.put(identity(mspId), settings(mspId));
        }
        try {
            return LedgerGateway.connect(organisations);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to the test network as " + List.of(mspIds), e);
        }
    }

    static OrganisationIdentity identity(String mspId) {
        String org = ORGS.get(mspId);
        String user = REGULATOR.equals(mspId) ? "Inspector" : "User1";
        Path msp = organisationDirectory(mspId).resolve("users/" + user + "@" + org + ".pharmatrace.test/msp");
        return new OrganisationIdentity(mspId, msp.resolve("signcerts/" + user + "@" + org + ".pharmatrace.test-cert.pem"),
                msp.resolve("keystore"));
    }

    static FabricGatewaySettings settings(String mspId) {
        String org = ORGS.get(mspId);
        Path tlsCa = organisationDirectory(mspId).resolve("peers/peer0." + org + ".pharmatrace.test/tls/ca.crt");
        return new FabricGatewaySettings("127.0.0.1:" + PORTS.get(mspId), tlsCa, null, "traceability", "traceability",
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    private static Path organisationDirectory(String mspId) {
        Path directory = runDirectory().resolve("crypto/peerOrganizations/" + ORGS.get(mspId) + ".pharmatrace.test");
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("no identities for " + mspId + " in " + directory + ": start the network");
        }
        return directory;
    }
}
