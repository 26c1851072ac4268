package org.pledge.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Case submitted → email received, on the local stack ({@code ./pledge-local}, all four services as processes, its
 * Kafka, MongoDB-wire on disk, OIDC issuer and SMTP server), at a steady rate. Not a test:
 * {@code bench/notification-latency.sh}, with the stack running.
 *
 * <p>A channel token from the stack's issuer; then {@code bench.cases} submissions ({@code POST /api/cases}, each a new
 * client with its own email address, preferring email) started at a fixed {@code bench.rate} per second, whatever the
 * answers take (asynchronous HTTP). Latency per case: the SMTP server's {@code receivedAt} of the message to its address
 * ({@code GET /mail}) minus the instant the submission was sent (one machine, one clock). Figures: p50, p99 and max,
 * the rate actually reached, and the submissions' own answer time for comparison.
 */
public final class NotificationLatencyBenchmark {

    private static final int OFFSET = Integer.getInteger("bench.portOffset", 0);
    private static final int CASES = Integer.getInteger("bench.cases", 600);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 40);
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "20"));
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private NotificationLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        System.out.printf("== notification latency: %d cases (after %d warm-up) at %.0f/s on the local stack (port offset %d) ==%n",
                CASES, WARMUP, RATE, OFFSET);
        int status = 0;
        try {
            String token = token();
            String run = UUID.randomUUID().toString().substring(0, 8);
            run(token, "warm-" + run, WARMUP);
            Map<String, Instant> sent = new ConcurrentHashMap<>();
            List<Long> answers = new ArrayList<>();
            long t0 = System.nanoTime();
            run(token, run, CASES, sent, answers);
            double reached = CASES / ((System.nanoTime() - t0) / 1e9);
            long[] latencies = awaitMail(sent);
            long[] answered = answers.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("notification.submitted_to_received_p50/p99/max: %.0f / %.0f / %.0f ms (%d cases at %.1f/s reached, "
                    + "email, fr-CA)%n", pct(latencies, 50), pct(latencies, 99), latencies[latencies.length - 1] / 1e6, CASES, reached);
            System.out.printf("case.submit_answer_p50/p99: %.0f / %.0f ms (POST /api/cases, for comparison)%n", pct(answered, 50),
                    pct(answered, 99));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.out.println("FAILED " + e);
            status = 1;
        }
        System.exit(status);
    }

    private static void run(String token, String run, int cases) throws Exception {
        run(token, run, cases, new ConcurrentHashMap<>(), new ArrayList<>());
    }

    /** Starts {@code cases} submissions at {@link #RATE} per second; records when each was sent and how long it took. */
    private static void run(String token, String run, int cases, Map<String, Instant> sent, List<Long> answers) throws Exception {
        long interval = (long) (1e9 / RATE);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < cases; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String email = "lat-" + run + "-" + i + "@example.org";
            HttpRequest request = HttpRequest.newBuilder(uri(8081, "/api/cases"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "lat-" + run + "-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"serviceType":"PASSPORT","channel":"WEB",
                             "applicant":{"reference":"lat-%s-%d","name":"Marie Tremblay","email":"%s","language":"fr-CA",
                                          "preferredChannel":"EMAIL"},
                             "feePaid":{"amount":"120.00","currency":"CAD"}}""".formatted(run, i, email))).build();
            long began = System.nanoTime();
            sent.put(email, Instant.now());
            calls.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                if (response.statusCode() != 201) {
                    failed.incrementAndGet();
                    System.out.println("submit answered " + response.statusCode() + ": " + response.body());
                }
                synchronized (answers) {
                    answers.add(System.nanoTime() - began);
                }
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " submissions failed");
        }
    }

    /** Polls the SMTP server's mail until every address has its message; answers the latencies in ns, sorted. */
    private static long[] awaitMail(Map<String, Instant> sent) throws Exception {
        Map<String, Instant> received = new ConcurrentHashMap<>();
        long giveUp = System.nanoTime() + LIMIT.toNanos();
        while (received.size() < sent.size()) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("only " + received.size() + " of " + sent.size() + " emails within " + LIMIT);
            }
            Thread.sleep(2_000);
            HttpResponse<String> mail = HTTP.send(HttpRequest.newBuilder(uri(9100, "/mail")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode message : JSON.readTree(mail.body())) {
                for (JsonNode to : message.path("to")) {
                    String address = to.asText().replaceAll(".*<|>.*", "");
                    if (sent.containsKey(address)) {
                        received.putIfAbsent(address, Instant.parse(message.path("receivedAt").asText()));
                    }
                }
            }
        }
        return sent.entrySet().stream().mapToLong(e -> Duration.between(e.getValue(), received.get(e.getKey())).toNanos())
                .sorted().toArray();
    }

    private static String token() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString("channel:channel-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(9000, "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=" + URLEncoder.encode("client_credentials", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token from the local issuer: " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + (port + OFFSET) + path);
    }

    private static double pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
