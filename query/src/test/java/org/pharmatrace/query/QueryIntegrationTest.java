package org.pharmatrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.pharmatrace.query.index.EventIndexer;
import org.pharmatrace.query.ledger.LedgerPosition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query side running as in the hub, on a random port, over a real PostgreSQL database, fed by the in-memory
 * ledger. Every test class extends this one unchanged, so they share one application context and one index, loaded
 * once with the shared corpus and the lifecycle of {@link Lifecycle} ({@link Fixture}).
 */
@SpringBootTest(classes = QueryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class QueryIntegrationTest {

    static final String DATABASE = TestPostgres.get().newDatabase("query");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final String ACME = "acme:acme-secret";
    static final String WHOLESALER = "wholesaler:wholesaler-secret";
    static final String PHARMACY = "pharmacy:pharmacy-secret";
    static final String REGULATOR = "fda:regulator-secret";
    static final String OPERATOR = "ops:operator-secret";

    @LocalServerPort
    int port;

    @Autowired
    InMemoryLedger ledger;

    @Autowired
    EventIndexer indexer;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("hub.query.datasource.url", () -> DATABASE);
    }

    Fixture fixture() {
        return Fixture.loaded(ledger, this::awaitIndexed);
    }

    /** Waits until the index has taken everything the ledger holds. */
    void awaitIndexed() {
        LedgerPosition head = ledger.head();
        long deadline = System.currentTimeMillis() + 60_000;
        try {
            while (!indexer.checkpoint().equals(head)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("index stuck at " + indexer.checkpoint() + ", ledger at " + head
                            + " " + indexer.status());
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Connection superuser() throws SQLException {
        return TestPostgres.get().superuser(DATABASE);
    }

    // ------------------------------------------------------------------ HTTP

    HttpResponse<String> get(String credentials, String pathAndQuery, String... headers) {
        return send(credentials, "GET", pathAndQuery, null, headers);
    }

    HttpResponse<String> send(String credentials, String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** The events of an EPCISQueryDocument answer. */
    static List<JsonNode> events(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = json(response).path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
        List<JsonNode> events = new ArrayList<>();
        list.forEach(events::add);
        return events;
    }

    static List<String> eventIds(HttpResponse<String> response) {
        return events(response).stream().map(e -> e.path("eventID").asText()).toList();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A query string from name/value pairs, values URL-encoded. */
    static String query(String... pairs) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            q.append(i == 0 ? "?" : "&").append(pairs[i]).append('=').append(encode(pairs[i + 1]));
        }
        return q.toString();
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
