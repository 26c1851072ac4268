package org.pledge.testsupport.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A payment provider's refund API on WireMock, with the provider's own idempotency: a WireMock extension keeps a
 * ledger of refunds by {@code Idempotency-Key} and counts the payments it made per key, whatever the client saw.
 * Each {@code POST /v1/refunds} takes the next scripted {@link Behaviour} for its key (then {@link Behaviour#NORMAL}):
 * a refund is created {@code PENDING}; a look-up ({@code GET /v1/refunds?idempotencyKey=}) finds it {@code SETTLED}.
 * Used by guarantee-service's payout ITs and the system tests' kill-and-restart test (docs/payouts.md).
 */
public final class FakeRefundProvider implements AutoCloseable {

    /** What the provider does with the next POST of a key. */
    public enum Behaviour {
        /** Pays (once per key) and answers at once. */
        NORMAL,
        /** Pays, then answers only after the slow delay (4 s unless {@link #slowAnswer} says otherwise): the client times out, not knowing it was paid. */
        PAY_THEN_TIME_OUT,
        /** Answers 503 without paying. */
        FAIL_503,
        /** Pays, then resets the connection without an answer. */
        PAY_THEN_RESET,
        /** Resets the connection without paying. */
        RESET,
        /** Refuses the refund for good (422) without paying. */
        REFUSE
    }

    private final Ledger ledger = new Ledger();
    private final WireMockServer server;

    public FakeRefundProvider() {
        server = new WireMockServer(options().dynamicPort().extensions(ledger));
        server.start();
        server.stubFor(any(urlPathEqualTo("/v1/refunds")).willReturn(aResponse().withTransformers(Ledger.NAME)));
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** How long {@link Behaviour#PAY_THEN_TIME_OUT} keeps the caller waiting. */
    public void slowAnswer(java.time.Duration delay) {
        ledger.slowMillis = (int) delay.toMillis();
    }

    /** How many payments the provider made in all. */
    public int totalPayments() {
        return ledger.payments.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The next POSTs of {@code key} behave as given, in order. */
    public void script(String key, Behaviour... behaviours) {
        Queue<Behaviour> queue = ledger.scripts.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        queue.addAll(java.util.List.of(behaviours));
    }

    /** How many payments the provider made for {@code key}. */
    public int payments(String key) {
        AtomicInteger count = ledger.payments.get(key);
        return count == null ? 0 : count.get();
    }

    /** How many requests (POST and GET) of {@code method} the provider received for {@code key}. */
    public long requests(String method, String key) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(request -> request.getMethod().value().equals(method))
                .filter(request -> key.equals(keyOf(request)))
                .count();
    }

    public String providerId(String key) {
        Refund refund = ledger.refunds.get(key);
        return refund == null ? null : refund.id;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String keyOf(LoggedRequest request) {
        if (request.getMethod().value().equals("POST")) {
            return request.getHeader("Idempotency-Key");
        }
        var parameter = request.queryParameter("idempotencyKey");
        return parameter.isPresent() ? parameter.firstValue() : null;
    }

    private record Refund(String id, String body) {
    }

    private static final class Ledger implements ResponseDefinitionTransformerV2 {

        static final String NAME = "refund-ledger";
        private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> payments = new ConcurrentHashMap<>();
        private final Map<String, Queue<Behaviour>> scripts = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private volatile int slowMillis = 4_000;

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
            LoggedRequest request = serveEvent.getRequest();
            String key = keyOf(request);
            if (key == null || key.isBlank()) {
                return json(400, "{\"title\":\"Idempotency-Key is required\"}");
            }
            if (request.getMethod().value().equals("GET")) {
                Refund refund = refunds.get(key);
                return refund == null ? json(404, "{\"title\":\"no refund with that key\"}")
                        : json(200, view(refund, key, "SETTLED"));
            }
            Queue<Behaviour> script = scripts.get(key);
            Behaviour behaviour = script == null || script.isEmpty() ? Behaviour.NORMAL : script.poll();
            if (behaviour == Behaviour.FAIL_503) {
                return json(503, "{\"title\":\"unavailable\"}");
            }
            if (behaviour == Behaviour.REFUSE) {
                return json(422, "{\"title\":\"the payment cannot be refunded\"}");
            }
            if (behaviour == Behaviour.RESET) {
                return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            }
            String body = request.getBodyAsString();
            Refund existing = refunds.get(key);
            if (existing != null && !existing.body.equals(body)) {
                return json(409, "{\"title\":\"key used with another request\"}");
            }
            boolean replay = existing != null;
            Refund refund = existing;
            if (!replay) {
                refund = new Refund("ref_" + ids.incrementAndGet(), body);
                refunds.put(key, refund);
                payments.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            return switch (behaviour) {
                case PAY_THEN_RESET -> ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
                case PAY_THEN_TIME_OUT -> ResponseDefinitionBuilder.responseDefinition().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody(view(refund, key, "PENDING"))
                        .withFixedDelay(slowMillis).build();
                default -> ResponseDefinitionBuilder.responseDefinition().withStatus(replay ? 200 : 201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Idempotent-Replayed", String.valueOf(replay))
                        .withBody(view(refund, key, "PENDING")).build();
            };
        }

        private static String view(Refund refund, String key, String status) {
            return "{\"id\":\"" + refund.id + "\",\"idempotencyKey\":\"" + key + "\",\"status\":\"" + status + "\"}";
        }

        private static ResponseDefinition json(int status, String body) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                    .withHeader("Content-Type", "application/json").withBody(body).build();
        }
    }
}
