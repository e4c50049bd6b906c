package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.validation.EpcisValidator;
import org.pharmatrace.epcis.validation.ValidationReport;

/**
 * The demo on the real local stack, as a user runs it: {@code bin/hub-stack up} (stack "e2e", its own ports, on the
 * ledger tests' Fabric network), {@code bin/hub-demo}, {@code bin/hub-stack down}. One serial goes from commissioning
 * to dispense through the capture API, AS2, MLLP (a second batch through SFTP), and the regulator's view of it is
 * checked independently of what the demo printed: every lifecycle step present, in order, each with the ledger
 * transaction and block that recorded it — the same the capture jobs reported — and the EPCIS export valid and
 * holding the serial's events. Nothing is skipped: a stack that cannot start fails the test with its output.
 */
class DemoFlowTest {

    private static final String STACK = "e2e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = FabricTestNetwork.root();
    private static final Path WORK = ROOT.resolve("ledger-tests/target/demo-flow");
    private static final Map<String, String> ENV = new LinkedHashMap<>();
    private static boolean stackStarted;

    @BeforeAll
    static void startStack() throws Exception {
        FabricTestNetwork.start();
        Files.createDirectories(WORK);
        ENV.put("HUB_STACK_NAME", STACK);
        ENV.put("NETWORK_RUN_DIR", FabricTestNetwork.runDirectory().toString());
        for (String port : List.of("HUB_PORT", "HUB_AS2_PORT", "HUB_MLLP_PORT", "DEMO_SFTP_PORT", "PG_PORT",
                "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "KUBO_API_PORT")) {
            ENV.put(port, String.valueOf(freePort()));
        }
        ENV.put("HUB_DEMO_OUT", WORK.resolve("demo-out").toString());
        // A stack "e2e" left from an earlier run is stopped and forgotten: its query index and topics belong to a
        // network that no longer exists (FabricTestNetwork starts a fresh one).
        run(Duration.ofMinutes(3), "stack-down-before.log", "bin/hub-stack", "down");
        for (String dir : List.of("hub-run", "kafka-run", "kubo-run", "postgres-run")) {
            deleteTree(ROOT.resolve(".tools").resolve(dir).resolve(STACK));
        }
        stackStarted = true;
        Result up = run(Duration.ofMinutes(30), "stack-up.log", "bin/hub-stack", "up");
        assertThat(up.exit()).as("bin/hub-stack up failed:\n%s", up.output()).isZero();
        assertThat(up.output()).contains("PharmaTrace hub stack is up (e2e)")
                .doesNotContain("REFUSED by the hub")
                .contains("demo-regulator", "demo-pharmacy", "demo-cmo", "AS2", "MLLP", "SFTP", "PostgreSQL");
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stackStarted) {
            Result down = run(Duration.ofMinutes(3), "stack-down.log", "bin/hub-stack", "down");
            assertThat(down.exit()).as("bin/hub-stack down failed:\n%s", down.output()).isZero();
            // the shared network is the ledger tests', not the stack's: it is still up for them
            assertThat(down.output()).contains("Left running");
        }
    }

    @Test
    void oneSerialFromCommissioningToDispenseThroughEveryChannel() throws Exception {
        Result demo = run(Duration.ofMinutes(15), "demo.log", "bin/hub-demo");
        assertThat(demo.exit()).as("bin/hub-demo failed:\n%s", demo.output()).isZero();
        Path summaryFile;
        try (Stream<Path> files = Files.list(WORK.resolve("demo-out"))) {
            summaryFile = files.filter(p -> p.getFileName().toString().matches("demo-\\d+\\.json"))
                    .max(Comparator.naturalOrder()).orElseThrow();
        }
        JsonNode summary = JSON.readTree(summaryFile.toFile());
        String epc = summary.path("epc").asText();
        assertThat(epc).startsWith("urn:epc:id:sgtin:030001.0012345.");
        assertThat(demo.output()).contains(epc, "Done:");

        // every channel's capture job: every event committed, with its transaction and block
        Map<String, String> transactionByEvent = new HashMap<>();
        List<String> channels = new ArrayList<>();
        for (JsonNode step : summary.path("steps")) {
            channels.add(step.path("channel").asText());
            for (JsonNode event : step.path("events")) {
                assertThat(event.path("status").asText()).as(step.toString()).isEqualTo("committed");
                assertThat(event.path("transactionId").asText()).as(step.toString()).isNotBlank();
                assertThat(event.path("blockNumber").asLong()).as(step.toString()).isPositive();
                transactionByEvent.put(event.path("eventHashId").asText(), event.path("transactionId").asText());
            }
        }
        assertThat(channels).containsExactly("capture API", "capture API", "AS2", "capture API", "MLLP", "SFTP");

        // the regulator's view, asked here rather than taken from the demo's output
        String hub = "http://127.0.0.1:" + ENV.get("HUB_PORT");
        HttpResponse<String> custody = get(hub + "/reports/custody/" + URLEncoder.encode(epc, StandardCharsets.UTF_8),
                "application/json");
        assertThat(custody.statusCode()).as(custody.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(custody.body());
        List<String> steps = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (JsonNode event : report.path("events")) {
            steps.add(event.path("bizStep").asText());
            eventIds.add(event.path("eventID").asText());
            JsonNode ledger = event.path("ledger");
            assertThat(ledger.path("transactionId").asText()).as(event.toString()).isNotBlank();
            assertThat(ledger.path("blockNumber").asLong()).as(event.toString()).isPositive();
            // the transaction the query index shows is the one the capture job reported for that event
            assertThat(ledger.path("transactionId").asText()).as(event.toString())
                    .isEqualTo(transactionByEvent.get(event.path("eventID").asText()));
        }
        assertThat(steps).as(report.toPrettyString()).containsExactly(
                "commissioning",            // the manufacturer (capture API, EPCIS 1.2)
                "packing", "packing",       // into its case, the case onto the pallet
                "shipping",                 // the pallet to the wholesaler
                "receiving",                // at the wholesaler (capture API, JSON-LD)
                "packing", "packing",       // into a tote, the tote onto the wholesaler's pallet (AS2, X12 856)
                "shipping",                 // to the pharmacy (AS2, X12 856)
                "receiving",                // at the pharmacy (capture API)
                "dispensing");              // HL7 RDS^O13 over MLLP
        List<String> times = new ArrayList<>();
        report.path("events").forEach(e -> times.add(e.path("eventTime").asText()));
        assertThat(times).isSorted();
        assertThat(report.path("current").path("dispensed").asBoolean()).isTrue();

        // the export a regulator pulls: valid EPCIS, in both syntaxes, with the serial's events
        JsonNode exports = summary.path("exports");
        for (String syntax : List.of("jsonld", "xml")) {
            Path file = Path.of(exports.path(syntax).asText());
            byte[] document = Files.readAllBytes(file);
            ValidationReport validation = new EpcisValidator().validate(document);
            assertThat(validation.errors()).as(file.toString()).isEmpty();
            assertThat(validation.eventCount()).as(file.toString()).isGreaterThanOrEqualTo(eventIds.size());
            String text = new String(document, StandardCharsets.UTF_8);
            for (String eventId : eventIds) {
                assertThat(text).as(file + " holds " + eventId).contains(eventId);
            }
        }
        // and the same query answered to the regulator directly
        HttpResponse<String> export = get(hub + exports.path("query").asText(), "application/ld+json");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        eventIds.forEach(id -> assertThat(export.body()).contains(id));

        // the contract manufacturer's batch is on the ledger too
        assertThat(demo.output()).containsPattern("\\[6/8\\] SFTP, demo-cmo.*\\R(.*\\R)*.*committed: 1 of 1 events");
    }

    // --------------------------------------------------------------------------------------------- helpers

    record Result(int exit, String output) {
    }

    private static Result run(Duration timeout, String log, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(WORK.resolve(log).toFile());
        builder.command().set(0, ROOT.resolve(command[0]).toString());
        builder.environment().putAll(ENV);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                    + Files.readString(WORK.resolve(log)));
        }
        return new Result(process.exitValue(), Files.readString(WORK.resolve(log)));
    }

    private static HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString("demo-regulator:demo-regulator".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
