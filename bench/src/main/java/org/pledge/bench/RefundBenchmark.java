package org.pledge.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pledge.embedded.EmbeddedKafka;
import org.pledge.embedded.EmbeddedMongo;
import org.pledge.guarantee.GuaranteeServiceApplication;
import org.pledge.guarantee.claim.api.AppliedPolicy;
import org.pledge.guarantee.claim.api.GuaranteeClaimIds;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.claim.api.OpenClaimCommand;
import org.pledge.guarantee.claim.api.RecordCaseResolvedCommand;
import org.pledge.guarantee.claim.api.RecordGuaranteedFeeCommand;
import org.pledge.guarantee.claim.api.RefundPaidEvent;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.pledge.guarantee.policy.api.PolicyTerms;
import org.pledge.guarantee.policy.api.RefundTier;
import org.pledge.local.sandbox.PaymentSandbox;
import org.pledge.local.sandbox.SandboxProvider;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Breached cases → paid refunds through guarantee-service's command path, with the local stack's payment sandbox as
 * the provider over loopback HTTP. Per claim, on the application's {@link CommandGateway} ({@code sendAndWait} each):
 * the fee with a payment reference ({@code case.submitted}), the breach ({@link OpenClaimCommand}) and at once the late
 * resolution ({@link RecordCaseResolvedCommand}, 3 business days late: 25 % of 120.00 CAD = 30.00, under the
 * auto-approval limit, so approved automatically and refunded to the original payment). From there the service does
 * the rest by itself: the payout processor calls the sandbox's refund API, the sandbox settles it after
 * {@code bench.settleMs} and calls back (signed), and the claim records {@link RefundPaidEvent}.
 *
 * <p>Figures: refunds paid per second (from the first breach to the last refund paid, {@code bench.claims} claims
 * over {@code bench.threads} client threads), and breach → paid latency p50/p99 (from sending the breach to the
 * {@link RefundPaidEvent}'s commit, seen by an event-bus subscriber). One JVM holds the service, the broker, the
 * MongoDB-wire server (memory) and the sandbox: their CPU is all counted. Not a test: {@code bench/refunds.sh}.
 */
public final class RefundBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    private static final int CLAIMS = Integer.getInteger("bench.claims", 1_000);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final long SETTLE_MS = Long.getLong("bench.settleMs", 0);
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final String SECRET = "bench-secret";
    private static final String SERVICE_TYPE = "BENCH";
    private static final Money FEE = new Money(new BigDecimal("120.00"), "CAD");
    private static final AppliedPolicy POLICY = new AppliedPolicy(SERVICE_TYPE, 1, new PolicyTerms(true,
            List.of(new RefundTier(1, 10, new BigDecimal("25")), new RefundTier(11, null, new BigDecimal("50"))),
            Set.of(), "CAD", new BigDecimal("100.00"), new BigDecimal("500.00"), List.of(PayoutMethod.ORIGINAL_PAYMENT_METHOD)));

    /** claim id → when its breach was sent (nanoTime); claim id → when its refund was paid. */
    private static final Map<String, Long> BREACHED = new ConcurrentHashMap<>();
    private static final Map<String, Long> PAID = new ConcurrentHashMap<>();
    private static volatile CountDownLatch outstanding = new CountDownLatch(0);

    private RefundBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int status = 0;
        System.out.printf("== refunds: warm-up %d, %d claims, %d client threads, sandbox settles after %d ms, on mongo-java-server "
                + "(memory) in this JVM ==%n", WARMUP, CLAIMS, THREADS, SETTLE_MS);
        int appPort = freePort();
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
             EmbeddedMongo mongo = EmbeddedMongo.memory(0);
             PaymentSandbox sandbox = new PaymentSandbox(0, new SandboxProvider.Settings(SECRET, Duration.ofMillis(SETTLE_MS), null,
                     "http://localhost:" + appPort + "/callbacks/payments"));
             ConfigurableApplicationContext app = start(appPort, mongo.port(), kafka, sandbox)) {
            app.getBean(EventStore.class).subscribe(RefundBenchmark::observe);
            CommandGateway commands = app.getBean(CommandGateway.class);
            Clock clock = app.getBean(Clock.class);
            run(commands, clock, WARMUP, THREADS);
            BREACHED.clear();
            PAID.clear();
            long t0 = System.nanoTime();
            run(commands, clock, CLAIMS, THREADS);
            long t1 = System.nanoTime();
            double seconds = (t1 - t0) / 1e9;
            long[] latencies = BREACHED.entrySet().stream().mapToLong(e -> PAID.get(e.getKey()) - e.getValue()).sorted().toArray();
            System.out.printf("refund.paid_per_s: %.1f refunds/s (%d claims breached, resolved and paid in %.2f s, %d client threads)%n",
                    CLAIMS / seconds, CLAIMS, seconds, THREADS);
            System.out.printf("refund.breach_to_paid_p50/p99: %.1f / %.1f ms (auto-approved, original payment method, sandbox "
                    + "settling after %d ms)%n", percentile(latencies, 50), percentile(latencies, 99), SETTLE_MS);
            System.out.printf("refund.provider_refunds: %d accepted by the sandbox for %d claims (warm-up included)%n",
                    sandboxCount(sandbox), WARMUP + CLAIMS);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.out.println("FAILED " + e);
            status = 1;
        }
        System.exit(status); // Kafka and Netty leave non-daemon threads behind
    }

    private static void observe(List<? extends EventMessage<?>> events) {
        long now = System.nanoTime();
        for (EventMessage<?> event : events) {
            if (event.getPayload() instanceof RefundPaidEvent paid && PAID.putIfAbsent(paid.claimId(), now) == null
                    && BREACHED.containsKey(paid.claimId())) {
                outstanding.countDown();
            }
        }
    }

    private static void run(CommandGateway commands, Clock clock, int claims, int threads) throws Exception {
        outstanding = new CountDownLatch(claims);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < claims; i = next.getAndIncrement()) {
                        one(commands, clock);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        if (!outstanding.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(outstanding.getCount() + " of " + claims + " refunds not paid within " + LIMIT);
        }
    }

    private static void one(CommandGateway commands, Clock clock) {
        String caseId = UUID.randomUUID().toString();
        String claimId = GuaranteeClaimIds.forCase(caseId);
        Instant now = clock.instant();
        commands.sendAndWait(RecordGuaranteedFeeCommand.forCase(caseId, SERVICE_TYPE, FEE, now.minus(Duration.ofDays(20)),
                "ch_" + caseId.replace("-", "")));
        BREACHED.put(claimId, System.nanoTime());
        if (PAID.containsKey(claimId)) {
            throw new IllegalStateException("paid before its breach");
        }
        commands.sendAndWait(new OpenClaimCommand(claimId, caseId, SERVICE_TYPE, "bench-" + caseId.substring(0, 8), "en-CA",
                now.minus(Duration.ofDays(5)), now, Boolean.TRUE, FEE, POLICY));
        commands.sendAndWait(new RecordCaseResolvedCommand(claimId, caseId, "APPROVED", null, 3, now, POLICY));
    }

    private static ConfigurableApplicationContext start(int port, int mongoPort, EmbeddedKafka kafka, PaymentSandbox sandbox) {
        TestTokens tokens = TestTokens.get();
        return new SpringApplicationBuilder(GuaranteeServiceApplication.class)
                .logStartupInfo(false)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .run("--server.port=" + port,
                        "--spring.data.mongodb.uri=mongodb://localhost:" + mongoPort + "/bench-guarantee",
                        "--spring.cloud.stream.kafka.binder.brokers=" + kafka.bootstrapServers(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--pledge.messaging.group=bench-guarantee",
                        "--pledge.security.issuer-uri=" + tokens.issuer(),
                        "--pledge.security.jwk-set-uri=" + tokens.jwkSetUri(),
                        "--pledge.security.audiences=" + tokens.audience(),
                        "--pledge.privacy.dev-key=true",
                        "--pledge.audit.dev-key=true",
                        "--pledge.payments.base-url=" + sandbox.baseUrl(),
                        "--pledge.payments.callback-url=http://localhost:" + port + "/callbacks/payments",
                        "--pledge.payments.callback-secret=" + SECRET,
                        "--logging.level.root=WARN");
    }

    private static long sandboxCount(PaymentSandbox sandbox) throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> all = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl() + "/v1/refunds")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return Arrays.stream(all.body().split("\"idempotencyKey\"")).count() - 1;
    }

    private static double percentile(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
