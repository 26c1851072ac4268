package org.pledge.testsupport.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.util.List;
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
 * An SMS provider's API on WireMock, as the local stack's SMS sandbox speaks it (docs/local-stack.md), with the
 * provider's own idempotency: a WireMock extension keeps the messages by {@code Idempotency-Key} and counts the texts
 * it sent per key, whatever the client saw. Each {@code POST /v1/messages} takes the next scripted {@link Behaviour}
 * of its key (then {@link Behaviour#NORMAL}); a message is {@code ACCEPTED} until {@link #complete} moves it on; a
 * look-up ({@code GET /v1/messages?idempotencyKey=}) answers it or 404. Used by notification-service's SMS tests (the
 * pattern of {@code FakeRefundProvider}).
 */
public final class FakeSmsProvider implements AutoCloseable {

    /** What the provider does with the next POST of a key. */
    public enum Behaviour {
        /** Sends (once per key) and answers at once. */
        NORMAL,
        /** Sends, then answers only after the slow delay: the client times out, not knowing it was sent. */
        SEND_THEN_TIME_OUT,
        /** Answers only after the slow delay, without sending. */
        TIME_OUT,
        /** Answers 503 without sending. */
        FAIL_503,
        /** Answers 429 with {@code Retry-After} (see {@link #retryAfter}) without sending. */
        THROTTLE_429,
        /** Resets the connection without sending. */
        RESET,
        /** Refuses the message for good (400: an invalid number) without sending. */
        REFUSE_400
    }

    private final Ledger ledger = new Ledger();
    private final WireMockServer server;

    public FakeSmsProvider() {
        server = new WireMockServer(options().dynamicPort().extensions(ledger));
        server.start();
        server.stubFor(any(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withTransformers(Ledger.NAME)));
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** How long the time-out behaviours keep the caller waiting (default 4 s). */
    public void slowAnswer(Duration delay) {
        ledger.slowMillis = (int) delay.toMillis();
    }

    /** The {@code Retry-After} of {@link Behaviour#THROTTLE_429}, in seconds (default 0). */
    public void retryAfter(int seconds) {
        ledger.retryAfterSeconds = seconds;
    }

    /** The next POSTs of {@code key} behave as given, in order. */
    public void script(String key, Behaviour... behaviours) {
        ledger.scripts.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).addAll(List.of(behaviours));
    }

    /** The message of {@code key} reaches {@code status} ({@code DELIVERED}, or {@code FAILED} with {@code reason}). */
    public void complete(String key, String status, String reason) {
        ledger.messages.computeIfPresent(key, (k, message) -> new Message(message.id, message.body, status, reason));
    }

    /** How many texts the provider sent for {@code key}. */
    public int sent(String key) {
        AtomicInteger count = ledger.sent.get(key);
        return count == null ? 0 : count.get();
    }

    /** How many texts the provider sent in all. */
    public int totalSent() {
        return ledger.sent.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** How many requests of {@code method} (POST: sends, GET: look-ups) the provider received for {@code key}. */
    public long requests(String method, String key) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(request -> request.getMethod().value().equals(method))
                .filter(request -> key.equals(keyOf(request)))
                .count();
    }

    /** The requests of {@code method} for {@code key}, oldest first. */
    public List<LoggedRequest> requestsOf(String method, String key) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(request -> request.getMethod().value().equals(method))
                .filter(request -> key.equals(keyOf(request)))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** The provider's id of the message of {@code key}, or null. */
    public String providerId(String key) {
        Message message = ledger.messages.get(key);
        return message == null ? null : message.id;
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

    private record Message(String id, String body, String status, String reason) {
    }

    private static final class Ledger implements ResponseDefinitionTransformerV2 {

        static final String NAME = "sms-ledger";
        private final Map<String, Message> messages = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
        private final Map<String, Queue<Behaviour>> scripts = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private volatile int slowMillis = 4_000;
        private volatile int retryAfterSeconds;

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
                return json(400, "{\"title\":\"the Idempotency-Key is required\"}");
            }
            if (request.getMethod().value().equals("GET")) {
                Message message = messages.get(key);
                return message == null ? json(404, "{\"title\":\"no message with that key\"}") : json(200, view(message, key));
            }
            Queue<Behaviour> script = scripts.get(key);
            Behaviour behaviour = script == null || script.isEmpty() ? Behaviour.NORMAL : script.poll();
            switch (behaviour) {
                case FAIL_503 -> {
                    return json(503, "{\"title\":\"unavailable\"}");
                }
                case THROTTLE_429 -> {
                    return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                            .withHeader("Content-Type", "application/json")
                            .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                            .withBody("{\"title\":\"too many requests\"}").build();
                }
                case REFUSE_400 -> {
                    return json(400, "{\"title\":\"'to' must be a phone number\"}");
                }
                case RESET -> {
                    return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
                }
                case TIME_OUT -> {
                    return ResponseDefinitionBuilder.responseDefinition().withStatus(503).withFixedDelay(slowMillis).build();
                }
                default -> {
                }
            }
            String body = request.getBodyAsString();
            Message existing = messages.get(key);
            if (existing != null && !existing.body.equals(body)) {
                return json(409, "{\"title\":\"key used with another request\"}");
            }
            boolean replay = existing != null;
            Message message = existing;
            if (!replay) {
                message = new Message("sms_" + ids.incrementAndGet(), body, "ACCEPTED", null);
                messages.put(key, message);
                sent.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.responseDefinition().withStatus(replay ? 200 : 201)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Idempotent-Replayed", String.valueOf(replay))
                    .withBody(view(message, key));
            if (behaviour == Behaviour.SEND_THEN_TIME_OUT) {
                answer.withFixedDelay(slowMillis);
            }
            return answer.build();
        }

        private static String view(Message message, String key) {
            return "{\"id\":\"" + message.id + "\",\"idempotencyKey\":\"" + key + "\",\"status\":\"" + message.status + "\""
                    + (message.reason == null ? "" : ",\"reason\":\"" + message.reason + "\"") + "}";
        }

        private static ResponseDefinition json(int status, String body) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                    .withHeader("Content-Type", "application/json").withBody(body).build();
        }
    }
}
