package org.pharmatrace.hub.channel.as2;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An HTTP endpoint on 127.0.0.1 that keeps every asynchronous MDN posted to it (headers and body, as text). */
final class MdnInbox implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    MdnInbox() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            StringBuilder message = new StringBuilder();
            exchange.getRequestHeaders().forEach((name, values) -> values.forEach(
                    value -> message.append(name).append(": ").append(value).append("\r\n")));
            message.append("\r\n").append(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.ISO_8859_1));
            received.add(message.toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mdn";
    }

    /** The next MDN, or null when none came within the timeout. */
    String next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** MDNs received so far and not taken. */
    int pending() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
