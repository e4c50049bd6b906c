package org.pharmatrace.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Real HTTP calls to the hub under test, as one of the configured users. */
final class HubClient {

    enum User {
        ACME("acme", "acme-secret"),
        PHARMACY("pharmacy", "pharmacy-secret"),
        OPS("ops", "operator-secret"),
        /** Configured where the query side runs (hub.regulators). */
        REGULATOR("fda", "regulator-secret"),
        WRONG_PASSWORD("acme", "not-the-password"),
        ANONYMOUS(null, null);

        final String id;
        final String password;

        User(String id, String password) {
            this.id = id;
            this.password = password;
        }
    }

    record Answer(int status, HttpResponse<String> response, JsonNode json) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    HubClient(int port) {
        this.port = port;
    }

    Answer post(String path, User user, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = request(path, user).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Answer post(String path, User user, String body, String contentType, String... headers) {
        return post(path, user, body.getBytes(StandardCharsets.UTF_8), contentType, headers);
    }

    /** A body sent chunked, without a Content-Length, as it is read. */
    Answer postStreamed(String path, User user, java.util.function.Supplier<java.io.InputStream> body,
                        String contentType) {
        return send(request(path, user).POST(HttpRequest.BodyPublishers.ofInputStream(body))
                .header("Content-Type", contentType).build());
    }

    /** A binary answer (an attachment), as bytes. */
    HttpResponse<byte[]> download(String path, User user) {
        try {
            return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call to the hub failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, User user) {
        return send(request(path, user).GET().build());
    }

    Answer delete(String path, User user) {
        return send(request(path, user).DELETE().build());
    }

    private HttpRequest.Builder request(String path, User user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user.id != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user.id + ":" + user.password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call to the hub failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
