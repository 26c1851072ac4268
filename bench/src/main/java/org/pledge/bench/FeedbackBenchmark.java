package org.pledge.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Survey answers through the public API, and how soon they show in the live figures, on the local stack
 * ({@code ./pledge-local}: the four services as processes, its Kafka, MongoDB-wire on disk, OIDC issuer and SMTP
 * server). Not a test: {@code bench/feedback.sh}, with the stack running.
 *
 * <ol>
 *   <li>Invitations, made as clients get them: per answer to come, a case submitted ({@code channel}) and resolved
 *       ({@code caseworker}: assignment, work started, approval) in case-service; feedback-service invites the client,
 *       notification-service emails the link; the link is read from the stack's SMTP server ({@code GET /mail}).</li>
 *   <li>Throughput: {@code bench.answers} answers ({@code POST /api/surveys/{token}/responses}, ratings 1 to 5 in turn,
 *       no consent, so no follow-up) on {@code bench.threads} threads; each answer comes from a client address of its
 *       own ({@code X-Forwarded-For}, as the stack's trusted proxy on loopback would add it), so the per-address rate
 *       limit does not stand in the way. Figure: answers recorded per second, and the answer time (p50, p99).</li>
 *   <li>Delay to the figure: {@code bench.latency} answers one at a time; after each, {@code GET /api/satisfaction}
 *       ({@code operations}: PASSPORT, SURVEY_LINK, PT1H) is polled every {@code bench.pollMs} until its volume has
 *       grown by one. Figures: p50, p99 and max of answer sent → figure seen, and of the 201 → figure seen.</li>
 * </ol>
 */
public final class FeedbackBenchmark {

    private static final int OFFSET = Integer.getInteger("bench.portOffset", 0);
    private static final int ANSWERS = Integer.getInteger("bench.answers", 300);
    private static final int LATENCY = Integer.getInteger("bench.latency", 100);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int POLL_MS = Integer.getInteger("bench.pollMs", 5);
    private static final Duration LIMIT = Duration.ofMinutes(15);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/surveys/([A-Za-z0-9._~-]*[A-Za-z0-9_~-])");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FeedbackBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        System.out.printf("== feedback: %d answers on %d threads, %d answers one at a time for the delay (after %d warm-up), "
                + "local stack (port offset %d) ==%n", ANSWERS, THREADS, LATENCY, WARMUP, OFFSET);
        int status = 0;
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            long t0 = System.nanoTime();
            List<String> links = invitations(run, WARMUP + ANSWERS + LATENCY);
            System.out.printf("setup.invitations: %d in %.0f s (submitted, resolved, invited, emailed)%n", links.size(),
                    (System.nanoTime() - t0) / 1e9);
            String operations = token("operations");
            answerAll(run, links.subList(0, WARMUP), THREADS);
            long[] answerTimes = new long[ANSWERS];
            long start = System.nanoTime();
            int recorded = answerAll(run, links.subList(WARMUP, WARMUP + ANSWERS), THREADS, answerTimes);
            double seconds = (System.nanoTime() - start) / 1e9;
            java.util.Arrays.sort(answerTimes);
            System.out.printf("feedback.answers_per_s: %.1f (%d answers recorded in %.1f s on %d threads, POST /api/surveys/{token}/responses)%n",
                    recorded / seconds, recorded, seconds, THREADS);
            System.out.printf("feedback.answer_p50/p99: %.0f / %.0f ms (the public API's answer time under that load)%n",
                    pct(answerTimes, 50), pct(answerTimes, 99));

            List<String> timed = links.subList(WARMUP + ANSWERS, links.size());
            long[] fromSent = new long[timed.size()];
            long[] fromAnswered = new long[timed.size()];
            for (int i = 0; i < timed.size(); i++) {
                long before = volume(operations);
                long sent = System.nanoTime();
                int code = answer(timed.get(i), run + "-lat-" + i, 1 + i % 5, i + 100_000);
                long answered = System.nanoTime();
                if (code != 201) {
                    throw new IllegalStateException("an answer was refused: " + code);
                }
                long giveUp = answered + Duration.ofSeconds(60).toNanos();
                while (volume(operations) < before + 1) {
                    if (System.nanoTime() > giveUp) {
                        throw new IllegalStateException("the answer did not show in the figures within 60 s");
                    }
                    Thread.sleep(POLL_MS);
                }
                long seen = System.nanoTime();
                fromSent[i] = seen - sent;
                fromAnswered[i] = seen - answered;
            }
            java.util.Arrays.sort(fromSent);
            java.util.Arrays.sort(fromAnswered);
            System.out.printf("satisfaction.answer_to_figure_p50/p99/max: %.0f / %.0f / %.0f ms (%d answers one at a time: answer sent "
                    + "→ GET /api/satisfaction volume grown, polled every %d ms)%n", pct(fromSent, 50), pct(fromSent, 99),
                    fromSent[fromSent.length - 1] / 1e6, fromSent.length, POLL_MS);
            System.out.printf("satisfaction.recorded_to_figure_p50/p99/max: %.0f / %.0f / %.0f ms (from the answer's 201)%n",
                    pct(fromAnswered, 50), pct(fromAnswered, 99), fromAnswered[fromAnswered.length - 1] / 1e6);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.out.println("FAILED " + e);
            status = 1;
        }
        System.exit(status);
    }

    /** {@code count} survey links, each of a fresh resolved case, as their clients received them by email. */
    private static List<String> invitations(String run, int count) throws Exception {
        String channel = token("channel");
        String caseworker = token("caseworker");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<String>> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            emails.add(pool.submit(() -> resolvedCase(channel, caseworker, run, n)));
        }
        Map<String, String> wanted = new ConcurrentHashMap<>();
        for (Future<String> email : emails) {
            wanted.put(email.get(), "");
        }
        pool.shutdown();
        long giveUp = System.nanoTime() + LIMIT.toNanos();
        Map<String, String> found = new ConcurrentHashMap<>();
        while (found.size() < wanted.size()) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("only " + found.size() + " of " + wanted.size() + " survey links within " + LIMIT);
            }
            Thread.sleep(1_000);
            HttpResponse<String> mail = HTTP.send(HttpRequest.newBuilder(uri(9100, "/mail")).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode message : JSON.readTree(mail.body())) {
                Matcher link = LINK.matcher(message.path("body").asText());
                if (!link.find()) {
                    continue;
                }
                for (JsonNode to : message.path("to")) {
                    String address = to.asText().replaceAll(".*<|>.*", "");
                    if (wanted.containsKey(address)) {
                        found.putIfAbsent(address, link.group(1));
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Submits and resolves a case whose client reads email; answers the client's address. */
    private static String resolvedCase(String channel, String caseworker, String run, int n) throws Exception {
        String email = "fb-" + run + "-" + n + "@example.org";
        HttpResponse<String> submitted = post(uri(8081, "/api/cases"), channel, "fb-" + run + "-" + n, """
                {"serviceType":"PASSPORT","channel":"WEB",
                 "applicant":{"reference":"fb-%s-%d","name":"Marie Tremblay","email":"%s","language":"fr-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"}}""".formatted(run, n, email));
        if (submitted.statusCode() != 201) {
            throw new IllegalStateException("submit answered " + submitted.statusCode() + ": " + submitted.body());
        }
        String caseId = JSON.readTree(submitted.body()).path("caseId").asText();
        for (String[] step : new String[][] {{"assignment", "{\"assignee\":\"caseworker-7\"}"}, {"work-started", ""},
                {"resolution", "{\"outcome\":\"APPROVED\",\"note\":\"All documents present.\"}"}}) {
            HttpResponse<String> moved = post(uri(8081, "/api/cases/" + caseId + "/" + step[0]), caseworker,
                    "fb-" + run + "-" + n + "-" + step[0], step[1]);
            if (moved.statusCode() != 204) {
                throw new IllegalStateException(step[0] + " answered " + moved.statusCode() + ": " + moved.body());
            }
        }
        return email;
    }

    private static int answerAll(String run, List<String> tokens, int threads) throws Exception {
        return answerAll(run, tokens, threads, new long[tokens.size()]);
    }

    /** Answers every token on {@code threads} threads; the answer times (ns) go to {@code times}; answers how many got 201. */
    private static int answerAll(String run, List<String> tokens, int threads, long[] times) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger recorded = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int n = i;
            calls.add(pool.submit(() -> {
                long began = System.nanoTime();
                int code = answer(tokens.get(n), run + "-" + n, 1 + n % 5, n);
                times[n] = System.nanoTime() - began;
                if (code == 201) {
                    recorded.incrementAndGet();
                } else {
                    System.out.println("an answer got " + code);
                }
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();
        return recorded.get();
    }

    /** One client's answer through the public API, from a client address of its own; answers the status. */
    private static int answer(String token, String key, int rating, int client) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(8082, "/api/surveys/" + token + "/responses"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "10." + (client >> 16 & 255) + "." + (client >> 8 & 255) + "." + (client & 255))
                .POST(HttpRequest.BodyPublishers.ofString("{\"rating\":" + rating + ",\"consentToContact\":false}")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The PT1H volume of PASSPORT answers through survey links, as operations read it. */
    private static long volume(String operations) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        uri(8082, "/api/satisfaction?serviceType=PASSPORT&channel=SURVEY_LINK&window=PT1H"))
                .header("Authorization", "Bearer " + operations).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/satisfaction answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("windows").path(0).path("figures").path("volume").asLong();
    }

    private static HttpResponse<String> post(URI uri, String token, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String client) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(9000, "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=" + URLEncoder.encode("client_credentials", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + client + " from the local issuer: " + response.statusCode());
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
