package org.pharmatrace.query;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A subscriber's webhook on 127.0.0.1: records what the hub POSTs, answers with a status the test chooses. */
final class Webhook implements AutoCloseable {

    /** One delivery. */
    record Delivery(String body, Map<String, java.util.List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger refused = new AtomicInteger();

    Webhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int answer = status.get();
            if (answer / 100 == 2) {
                deliveries.add(new Delivery(new String(body, java.nio.charset.StandardCharsets.UTF_8),
                        Map.copyOf(exchange.getRequestHeaders())));
            } else {
                refused.incrementAndGet();
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answer(int status) {
        this.status.set(status);
    }

    int refused() {
        return refused.get();
    }

    Delivery next(long seconds) throws InterruptedException {
        return deliveries.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
