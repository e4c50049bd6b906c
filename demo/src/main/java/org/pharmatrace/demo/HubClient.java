package org.pharmatrace.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** The hub's HTTP API as partners and the regulator call it: HTTP Basic, JSON answers. */
final class HubClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body, HttpResponse<?> response) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private final String base;
    private final Map<String, String> passwords;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HubClient(String base, Map<String, String> passwords) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.passwords = passwords;
    }

    String base() {
        return base;
    }

    private HttpRequest.Builder request(String user, String path) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no password for " + user + " (--login " + user + ":PASSWORD)");
        }
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic);
    }

    Answer post(String user, String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request(user, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Answer get(String user, String path, String accept) throws IOException, InterruptedException {
        return send(request(user, path).header("Accept", accept).GET().build());
    }

    /** GET into a file (an export of any size). */
    HttpResponse<Path> download(String user, String path, String accept, Path file)
            throws IOException, InterruptedException {
        try {
            return http.send(request(user, path).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(file));
        } catch (ConnectException e) {
            throw new ConnectException("the hub does not answer at " + base + " (is the stack up? bin/hub-stack up)");
        }
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (ConnectException e) {
            throw new ConnectException("the hub does not answer at " + base + " (is the stack up? bin/hub-stack up)");
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
