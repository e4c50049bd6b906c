package org.pharmatrace.connectors.ipfs.kubo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pharmatrace.connectors.ipfs.cid.Cid;
import org.pharmatrace.connectors.ipfs.cid.ImportProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for the Kubo daemon's HTTP RPC API ({@code POST /api/v0/...}), over the JDK's HTTP client. Calls that
 * find Kubo unreachable are retried under the {@link RetryPolicy}; Kubo's own error answers become
 * {@link KuboException}s carrying its message. Thread-safe.
 */
public final class KuboClient {

  private static final Logger log = LoggerFactory.getLogger(KuboClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI api;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;

  /**
   * @param api            the API root, e.g. {@code http://127.0.0.1:5001}
   * @param requestTimeout how long to wait for Kubo's response headers (a large add waits for the whole upload)
   */
  public KuboClient(URI api, Duration connectTimeout, Duration requestTimeout, RetryPolicy retryPolicy) {
    this.api = api;
    this.requestTimeout = requestTimeout;
    this.retryPolicy = retryPolicy;
    // HTTP/1.1: Kubo's RPC server speaks it, and h2c upgrade attempts would only add a round trip.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
  }

  public static KuboClient of(URI api) {
    return new KuboClient(api, Duration.ofSeconds(5), Duration.ofMinutes(5), RetryPolicy.defaults());
  }

  public URI api() {
    return api;
  }

  /**
   * Adds a file under {@code profile} without pinning it (the caller pins once it has checked the CID), and returns
   * the CID Kubo reports.
   */
  public Cid add(Path file, ImportProfile profile) throws IOException {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("cid-version", String.valueOf(profile.cidVersion()));
    query.put("raw-leaves", String.valueOf(profile.rawLeaves()));
    query.put("chunker", profile.chunker());
    query.put("max-file-links", String.valueOf(profile.maxLinks()));
    query.put("hash", "sha2-256");
    query.put("trickle", "false");
    query.put("inline", "false");
    query.put("pin", "false");
    query.put("progress", "false");
    MultipartFile multipart = new MultipartFile(file);
    HttpRequest request = post("add", query).header("Content-Type", multipart.contentType())
        .POST(multipart.body()).build();
    // Adding is idempotent (same bytes, same blocks), so even Kubo's own failures are worth another attempt.
    try (InputStream body = call("add", request, true).body()) {
      String hash = null;
      for (JsonNode event : jsonLines(body)) {
        if (event.hasNonNull("Message") && "error".equals(event.path("Type").asText())) {
          throw new KuboException("add", 200, event.get("Message").asText());
        }
        if (event.hasNonNull("Hash")) {
          hash = event.get("Hash").asText();
        }
      }
      if (hash == null) {
        throw new KuboException("add", 200, "the response ended without a CID");
      }
      return Cid.parse(hash);
    }
  }

  /** Pins a DAG recursively, so Kubo's garbage collector keeps it. */
  public void pin(Cid cid) throws IOException {
    HttpRequest request = post("pin/add", Map.of("arg", cid.toString(), "recursive", "true")).build();
    JsonNode answer = json(call("pin/add", request, true));
    for (JsonNode pinned : answer.path("Pins")) {
      if (Cid.parse(pinned.asText()).equals(cid)) {
        return;
      }
    }
    throw new KuboException("pin/add", 200, "the answer does not list " + cid + ": " + answer);
  }

  /** Whether the DAG is pinned recursively. */
  public boolean isPinned(Cid cid) throws IOException {
    HttpRequest request = post("pin/ls", Map.of("arg", cid.toString(), "type", "recursive")).build();
    try {
      return json(call("pin/ls", request, false)).path("Keys").size() > 0;
    } catch (KuboException e) {
      if (e.kuboMessage() != null && e.kuboMessage().contains("not pinned")) {
        return false;
      }
      throw e;
    }
  }

  /** The file a CID names, streamed; the caller closes the stream. */
  public InputStream cat(Cid cid) throws IOException {
    return call("cat", post("cat", Map.of("arg", cid.toString())).build(), false).body();
  }

  /** The raw bytes of one block, exactly as Kubo stores them. */
  public byte[] blockGet(Cid cid) throws IOException {
    try (InputStream body = call("block/get", post("block/get", Map.of("arg", cid.toString())).build(), false)
        .body()) {
      return body.readAllBytes();
    }
  }

  /** Every block a DAG links to, recursively, without repeats (the root itself excluded). */
  public List<Cid> refs(Cid root) throws IOException {
    HttpRequest request = post("refs", Map.of("arg", root.toString(), "recursive", "true", "unique", "true"))
        .build();
    List<Cid> refs = new ArrayList<>();
    try (InputStream body = call("refs", request, false).body()) {
      for (JsonNode ref : jsonLines(body)) {
        if (!ref.path("Err").asText("").isEmpty()) {
          throw new KuboException("refs", 200, ref.get("Err").asText());
        }
        refs.add(Cid.parse(ref.get("Ref").asText()));
      }
    }
    return refs;
  }

  /** Asks Kubo its version, once and without retrying: health reports the present, not the eventual. */
  public KuboHealth health() {
    try {
      HttpResponse<InputStream> response = send(post("version", Map.of()).build());
      if (response.statusCode() != 200) {
        return KuboHealth.down(api, "HTTP " + response.statusCode() + ": " + errorMessage(response));
      }
      return KuboHealth.up(api, json(response).path("Version").asText());
    } catch (IOException e) {
      return KuboHealth.down(api, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private HttpRequest.Builder post(String command, Map<String, String> query) {
    String parameters = query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    URI uri = api.resolve("/api/v0/" + command + (parameters.isEmpty() ? "" : "?" + parameters));
    return HttpRequest.newBuilder(uri).timeout(requestTimeout).POST(BodyPublishers.noBody());
  }

  /**
   * Sends with retries. Transient: no answer (refused, reset, timed out), or a 5xx that is not a Kubo error
   * answer; with {@code retryKuboErrors}, Kubo's own 5xx error answers too.
   */
  private HttpResponse<InputStream> call(String operation, HttpRequest request, boolean retryKuboErrors)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      Exception failure;
      try {
        HttpResponse<InputStream> response = send(request);
        if (response.statusCode() / 100 == 2) {
          return response;
        }
        KuboException error = new KuboException(operation, response.statusCode(), errorMessage(response));
        boolean kuboAnswered = isKuboError(response);
        if (!error.isTransient() || (kuboAnswered && !retryKuboErrors)) {
          throw error;
        }
        failure = error;
      } catch (KuboException e) {
        throw e;
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        failure = e;
      }
      if (attempt >= retryPolicy.maxAttempts()) {
        throw new KuboUnavailableException(operation, attempt, failure);
      }
      Duration wait = retryPolicy.backoff(attempt);
      log.warn("Kubo {} attempt {}/{} failed ({}); retrying in {} ms", operation, attempt, retryPolicy.maxAttempts(),
          failure.toString(), wait.toMillis());
      retryPolicy.listener().beforeRetry(operation, attempt, wait, failure);
      pause(wait);
    }
  }

  private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while calling Kubo " + request.uri().getPath());
    }
  }

  private static void pause(Duration wait) throws InterruptedIOException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry Kubo");
    }
  }

  private static boolean isKuboError(HttpResponse<InputStream> response) {
    return response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
        || response.headers().firstValue("X-Stream-Error").isPresent();
  }

  /** Kubo's error text: the Message of its JSON error, else the body as text. */
  private static String errorMessage(HttpResponse<InputStream> response) throws IOException {
    String body;
    try (InputStream in = response.body()) {
      body = new String(in.readNBytes(64 << 10), StandardCharsets.UTF_8).trim();
    }
    try {
      JsonNode error = JSON.readTree(body);
      if (error != null && error.hasNonNull("Message")) {
        return error.get("Message").asText();
      }
    } catch (IOException notJson) {
      // Not every failure comes from Kubo's command layer (a proxy, a dying daemon); its text still helps.
    }
    return body.isEmpty() ? "(no message)" : body;
  }

  private static JsonNode json(HttpResponse<InputStream> response) throws IOException {
    try (InputStream body = response.body()) {
      return JSON.readTree(body);
    }
  }

  private static List<JsonNode> jsonLines(InputStream body) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }
}
