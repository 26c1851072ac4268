package org.pledge.local.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A test HTTP server receiving sandbox callbacks; the first {@code failFirst} calls get a 500. */
final class CallbackReceiver implements AutoCloseable {

    record Received(byte[] body, String signature, String timestamp) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger calls = new AtomicInteger();

    CallbackReceiver(int failFirst) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 10);
        server.createContext("/callback", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (calls.incrementAndGet() <= failFirst) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Signature-Timestamp")));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/callback";
    }

    Received next(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
