package org.pharmatrace.connectors.ipfs.kubo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted stand-in for Kubo's RPC API, for unit tests of what the client does with answers the real daemon
 * gives rarely or never (a wrong CID, a 503). Each command answers from its queue; the last answer repeats.
 */
public final class FakeKubo implements AutoCloseable {

  /** One HTTP answer. */
  public record Answer(int status, String contentType, byte[] body) {

    public static Answer json(String json) {
      return new Answer(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer kuboError(String message) {
      String json = "{\"Message\":\"" + message + "\",\"Code\":0,\"Type\":\"error\"}";
      return new Answer(500, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer unavailable() {
      return new Answer(503, "text/plain", "Service Unavailable".getBytes(StandardCharsets.UTF_8));
    }

    public static Answer bytes(byte[] body) {
      return new Answer(200, "text/plain", body);
    }
  }

  /** A request as received. */
  public record Received(String command, String query, byte[] body) {
  }

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public FakeKubo() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v0/", this::answer);
    server.start();
  }

  public URI api() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues answers for a command such as "add" or "pin/add". */
  public FakeKubo on(String command, Answer... queued) {
    answers.computeIfAbsent(command, c -> new ArrayDeque<>()).addAll(List.of(queued));
    return this;
  }

  public List<Received> received(String command) {
    return received.stream().filter(r -> r.command().equals(command)).toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String command = exchange.getRequestURI().getPath().substring("/api/v0/".length());
    received.add(new Received(command, exchange.getRequestURI().getRawQuery(),
        exchange.getRequestBody().readAllBytes()));
    Deque<Answer> queue = answers.get(command);
    Answer answer = queue == null || queue.isEmpty()
        ? new Answer(404, "text/plain", "404 page not found".getBytes(StandardCharsets.UTF_8))
        : queue.size() > 1 ? queue.poll() : queue.peek();
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer.body());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
