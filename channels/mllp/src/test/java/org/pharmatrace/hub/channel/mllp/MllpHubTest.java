package org.pharmatrace.hub.channel.mllp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.pharmatrace.hub.HubApplication;
import org.pharmatrace.hub.TestKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub as it runs, with the MLLP channel listening on a free port: the whole application against the test JVM's
 * Kafka, originals in a temporary directory. Every test class extends this one unchanged, so they share one context.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class MllpHubTest {

    static final Path DOCUMENTS = temporaryDirectory();
    static final int MLLP_PORT = freePort();

    /** Patient data of the corpus message (PID): none of it may leave the hub. */
    static final List<String> PATIENT = List.of("DOE^JANE", "JANE", "PAT-4471", "19700412", "12 Elm St", "Springfield");

    @LocalServerPort
    int httpPort;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("hub.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("hub.documents.local.directory", DOCUMENTS::toString);
        registry.add("hub.channels.mllp.port", () -> MLLP_PORT);
    }

    PharmacySystem pharmacy() {
        return new PharmacySystem("127.0.0.1", MLLP_PORT);
    }

    /** GET on the hub's HTTP API as the operator. */
    String getAsOperator(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + httpPort + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("ops:operator-secret".getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST on the hub's HTTP API as the operator; the answer whatever its status. */
    HttpResponse<String> postAsOperator(String path, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + httpPort + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("ops:operator-secret".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "x-application/hl7-v2+er7")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything kept in the document store, as text. */
    static List<String> storedOriginals() throws IOException {
        List<String> contents = new ArrayList<>();
        try (var files = Files.walk(DOCUMENTS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return contents;
    }

    static String corpus(String name) {
        try {
            return Files.readString(Path.of(System.getProperty("hub.corpus.dir"), "hl7", name),
                    StandardCharsets.ISO_8859_1).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus v2.5 dispense (PID with the sample patient, one RXD, one scanned pack). */
    static String corpusV25() {
        return corpus("pharmacy-rds-o13-v25.hl7");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("mllp-documents-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
