package org.pledge.local;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Stands in for a service jar in LocalStackServicesIT: prints its arguments, answers
 * {@code GET /actuator/health} with UP on {@code --server.port}, exits when {@code --pledge.local.parent-pid} dies.
 * With {@code FAKE_BROKEN} in its arguments' service name (feedback-service) it fails at start instead.
 */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        System.out.println("args: " + String.join(" ", args));
        String service = System.getProperty("pledge.local.service", "?");
        if (service.equals("feedback-service")) {
            System.out.println("boom: feedback-service cannot start");
            System.exit(3);
        }
        int port = Integer.parseInt(value(args, "--server.port"));
        long parent = Long.parseLong(value(args, "--pledge.local.parent-pid"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 10);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("fake " + service + " up on " + port);
        while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(500);
        }
        System.out.println("parent gone, exiting");
        System.exit(0);
    }

    private static String value(String[] args, String name) {
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).findFirst()
                .map(a -> a.substring(name.length() + 1)).orElseThrow(() -> new IllegalArgumentException("no " + name));
    }
}
