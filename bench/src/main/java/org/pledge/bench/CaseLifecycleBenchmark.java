package org.pledge.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pledge.cases.CaseServiceApplication;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.AssignCaseCommand;
import org.pledge.cases.casefile.api.Outcome;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.ResolveCaseCommand;
import org.pledge.cases.casefile.api.StartWorkOnCaseCommand;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.SubmitCaseCommand;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.embedded.EmbeddedKafka;
import org.pledge.embedded.EmbeddedMongo;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The case lifecycle through case-service's command path: for each case, {@link SubmitCaseCommand} (PASSPORT, ten
 * business days, so the SLA clock is scheduled), {@link AssignCaseCommand}, {@link StartWorkOnCaseCommand} and
 * {@link ResolveCaseCommand} (our lifecycle has no ASSIGNED → RESOLVED step, so a case takes four commands and four
 * appends, where the Flowable peer's open → task look-up → complete takes two writes), each {@code sendAndWait} on
 * the {@link CommandGateway} of the whole case-service application (all its processors, the SLA sweep and the Kafka
 * publisher running). The {@code resolve} latency printed is start-work + resolve.
 *
 * <p>Per backend (a fresh application each): warm-up, then {@code bench.cases} cases with 1 client thread, then
 * with {@code bench.threads}. Per phase it prints the command-path rate, latencies, and what it took the
 * asynchronous side (case summaries, SLA clocks, the publisher to Kafka, ...) to catch up with the last command
 * ("drain"), and the JVM's CPU time per case over commands + drain. The broker (in-process KRaft) and the
 * MongoDB-wire server run in this JVM, so their CPU is counted too — as H2 is in the peer's figure.
 *
 * <p>Backends: {@code memory} (mongo-java-server in memory), {@code h2} (its H2 MVStore file backend with its default
 * background commit about once a second — the same class of durability as the peer's H2 with its 500 ms write
 * delay), {@code h2-sync} (H2 committed after every write command, as the local stack runs it: stricter than the
 * peer). With {@code MONGO_URI} set, one backend, {@code mongodb}: that MongoDB ({@link ExternalMongo} says what it
 * creates there and drops). Not a test: run it with {@code bench/lifecycle.sh}.
 */
public final class CaseLifecycleBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 1_000);
    private static final int CASES = Integer.getInteger("bench.cases", 5_000);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final long DRAIN_LIMIT_MS = Long.getLong("bench.drainLimitMs", 600_000);
    /**
     * The trust settings to run, each on a fresh application per backend ({@code bench.trust}, comma-separated):
     * {@code both} (the default and production: personal data encrypted, audit chain kept), {@code encryption},
     * {@code chain}, {@code off}. With more than one, figures are labelled {@code <backend>.<variant>}.
     */
    private static final List<String> TRUST = List.of(System.getProperty("bench.trust", "both").split(","));

    /** Counts the application's MongoDB commands per collection, printed per phase with {@code -Dbench.mongoProfile=true}. */
    private static final MongoCommandProfile MONGO = new MongoCommandProfile();

    private static final Money FEE = new Money(new BigDecimal("120.00"), "CAD");

    /** The MongoDB of {@code MONGO_URI}, when given: backend {@code mongodb} only. */
    private static ExternalMongo external;

    private CaseLifecycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int status = 0;
        try {
            external = ExternalMongo.fromEnvironment().orElse(null);
        } catch (IllegalStateException refused) {
            System.out.println("REFUSED: " + refused.getMessage());
            System.exit(2);
        }
        List<String> backends = external != null ? List.of("mongodb")
                : args.length == 0 ? List.of("memory", "h2", "h2-sync") : Arrays.asList(args);
        if (external != null && args.length > 0 && !List.of("mongodb").equals(Arrays.asList(args))) {
            System.out.println("FAILED: MONGO_URI is set: ours runs on that MongoDB only; give no backend (or 'mongodb'), not "
                    + Arrays.asList(args));
            external.close();
            System.exit(2);
        }
        System.out.printf("== case lifecycle: warm-up %d, %d cases per phase, 1 and %d threads, backends %s, on %s ==%n",
                WARMUP, CASES, THREADS, backends,
                external != null ? external.describe() : "mongo-java-server in this JVM");
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            for (String backend : backends) {
                for (String trust : TRUST) {
                    run(backend, trust, kafka);
                }
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.out.println("FAILED " + e);
            status = 1;
        } finally {
            if (external != null) {
                external.close(); // drops exactly what this run created
            }
        }
        System.exit(status); // Kafka and Netty leave non-daemon threads behind
    }

    private static void run(String backend, String trust, EmbeddedKafka kafka) throws Exception {
        if (!List.of("both", "encryption", "chain", "off").contains(trust)) {
            throw new IllegalArgumentException("unknown bench.trust variant " + trust + " (both, encryption, chain, off)");
        }
        String label = TRUST.size() == 1 ? backend : backend + "." + trust;
        Path dir = Files.createTempDirectory("pledge-lifecycle-");
        AutoCloseable mongo;
        int port = 0;
        switch (backend) {
            case "mongodb" -> mongo = () -> { }; // external: cleaned up by main

            case "memory" -> {
                EmbeddedMongo m = EmbeddedMongo.memory(0);
                mongo = m;
                port = m.port();
            }
            case "h2-sync" -> {
                EmbeddedMongo m = EmbeddedMongo.h2(dir.resolve("mongo.mv"), 0);
                mongo = m;
                port = m.port();
            }
            case "h2" -> {
                H2Backend h2 = new H2Backend(dir.resolve("mongo.mv").toString());
                MongoServer server = new MongoServer(h2);
                java.net.InetSocketAddress address = server.bind();
                mongo = () -> {
                    server.shutdownNow();
                    h2.close();
                };
                port = address.getPort();
            }
            default -> throw new IllegalArgumentException("unknown backend " + backend
                    + " (memory, h2, h2-sync; mongodb with MONGO_URI)");
        }
        try (mongo; ConfigurableApplicationContext app = start(port, kafka, label, trust)) {
            Lifecycle lifecycle = new Lifecycle(app.getBean(CommandGateway.class), app.getBean(Clock.class));
            Drain drain = new Drain(app);
            lifecycle.run(WARMUP / 2, 1);
            lifecycle.run(WARMUP, THREADS);
            drain.await();
            phase(label, "1thread", lifecycle, drain, app, 1);
            phase(label, THREADS + "threads", lifecycle, drain, app, THREADS);
            ReplayFigures.catchUp(label, app, drain::await);
            if (trust.equals("both") || trust.equals("chain")) {
                ReplayFigures.verification(label, app);
            }
            rss(label);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static ConfigurableApplicationContext start(int mongoPort, EmbeddedKafka kafka, String label, String trust) {
        TestTokens tokens = TestTokens.get();
        String database = external != null ? external.databaseForApplication()
                : "bench-" + label.replace('-', '_').replace('.', '_');
        boolean encryption = trust.equals("both") || trust.equals("encryption");
        boolean chain = trust.equals("both") || trust.equals("chain");
        String mongoUri = external != null ? external.uri() : "mongodb://localhost:" + mongoPort + "/" + database;
        return new SpringApplicationBuilder(CaseServiceApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("benchMongoCommands",
                        (MongoClientSettingsBuilderCustomizer) b -> b.addCommandListener(MONGO)))
                .logStartupInfo(false)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .run("--server.port=0",
                        "--spring.data.mongodb.uri=" + mongoUri,
                        "--spring.data.mongodb.database=" + database,
                        "--spring.cloud.stream.kafka.binder.brokers=" + kafka.bootstrapServers(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--pledge.messaging.group=" + database,
                        "--pledge.security.issuer-uri=" + tokens.issuer(),
                        "--pledge.security.jwk-set-uri=" + tokens.jwkSetUri(),
                        "--pledge.security.audiences=" + tokens.audience(),
                        // a development master key and the trust variant (bench.trust): encryption and chain on or off
                        "--pledge.privacy.dev-key=true",
                        "--pledge.privacy.encryption=" + encryption,
                        "--pledge.audit.enabled=" + chain,
                        "--pledge.audit.dev-key=true",
                        "--logging.level.root=WARN");
    }

    private static void phase(String backend, String name, Lifecycle lifecycle, Drain drain, ConfigurableApplicationContext app,
                              int threads) throws Exception {
        MONGO.reset();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        Latencies latencies = lifecycle.run(CASES, threads);
        long commandsDone = System.nanoTime();
        long cpuCommands = cpuNanos() - cpu0;
        drain.await();
        long drained = System.nanoTime();
        long cpuAll = cpuNanos() - cpu0;
        long resolved = app.getBean(MongoDatabaseFactory.class).getMongoDatabase().getCollection("case_summaries")
                .countDocuments(Filters.eq("status", "RESOLVED"));

        double commandSeconds = (commandsDone - t0) / 1e9;
        double allSeconds = (drained - t0) / 1e9;
        String prefix = "case." + backend + "." + name;
        System.out.printf("%s.cases_per_s: %.0f cases/s (command path, %d cases in %.2f s; CPU %.2f ms/case during commands)%n",
                prefix, CASES / commandSeconds, CASES, commandSeconds, cpuCommands / 1e6 / CASES);
        System.out.printf("%s.with_drain_cases_per_s: %.0f cases/s (until every processor reached the last event: drain +%.2f s; "
                        + "CPU %.2f ms/case incl. drain; %d cases RESOLVED in case_summaries)%n",
                prefix, CASES / allSeconds, (drained - commandsDone) / 1e9, cpuAll / 1e6 / CASES, resolved);
        System.out.printf("%s.submit_p50/p99: %.2f / %.2f ms%n", prefix, latencies.submit.p(50), latencies.submit.p(99));
        System.out.printf("%s.assign_p50/p99: %.2f / %.2f ms%n", prefix, latencies.assign.p(50), latencies.assign.p(99));
        System.out.printf("%s.resolve_p50/p99: %.2f / %.2f ms%n", prefix, latencies.resolve.p(50), latencies.resolve.p(99));
        System.out.printf("%s.cycle_p50/p99: %.2f / %.2f ms%n", prefix, latencies.cycle.p(50), latencies.cycle.p(99));
        System.out.printf("%s.mongo_commands: %.1f per case%n", prefix, MONGO.total() / (double) CASES);
        if (Boolean.getBoolean("bench.mongoProfile")) {
            MONGO.print(prefix, CASES);
        }
    }

    /** Submit → assign → resolve, cases spread over client threads. */
    private record Lifecycle(CommandGateway commands, Clock clock) {

        Latencies run(int cases, int threads) throws Exception {
            Latencies latencies = new Latencies(cases);
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
                            one(i, latencies);
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
            return latencies;
        }

        private void one(int i, Latencies latencies) {
            String caseId = UUID.randomUUID().toString();
            long t0 = System.nanoTime();
            commands.sendAndWait(new SubmitCaseCommand(caseId, "PASSPORT", SubmissionChannel.WEB, clock.instant(), null, null,
                    new Applicant("bench-" + i, "Bench Client", "client@example.org", null, null, "en-CA", PreferredChannel.EMAIL),
                    FEE));
            long t1 = System.nanoTime();
            commands.sendAndWait(new AssignCaseCommand(caseId, "caseworker-" + (i % 10), clock.instant()));
            long t2 = System.nanoTime();
            commands.sendAndWait(new StartWorkOnCaseCommand(caseId, clock.instant()));
            commands.sendAndWait(new ResolveCaseCommand(caseId, Outcome.APPROVED, "approved", clock.instant()));
            long t3 = System.nanoTime();
            latencies.submit.values[i] = t1 - t0;
            latencies.assign.values[i] = t2 - t1;
            latencies.resolve.values[i] = t3 - t2; // includes starting work, see the class comment
            latencies.cycle.values[i] = t3 - t0;
        }
    }

    /** Until every streaming processor of the application has reached the event store's head. */
    private static final class Drain {

        private final EventStore eventStore;
        private final EventProcessingConfiguration processing;

        Drain(ConfigurableApplicationContext app) {
            this.eventStore = app.getBean(EventStore.class);
            this.processing = app.getBean(EventProcessingConfiguration.class);
        }

        void await() throws InterruptedException {
            TrackingToken head = eventStore.createHeadToken();
            long target = head == null ? -1 : head.position().orElse(-1);
            long giveUp = System.currentTimeMillis() + DRAIN_LIMIT_MS;
            while (!reached(target)) {
                if (System.currentTimeMillis() > giveUp) {
                    throw new IllegalStateException("processors did not reach position " + target + " in " + DRAIN_LIMIT_MS + " ms");
                }
                Thread.sleep(5);
            }
        }

        private boolean reached(long target) {
            for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
                if (processor.processingStatus().isEmpty()) {
                    return false;
                }
                for (EventTrackerStatus status : processor.processingStatus().values()) {
                    OptionalLong position = status.getCurrentPosition();
                    if (status.isErrorState() || position.isEmpty() || position.getAsLong() < target) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static final class Latencies {
        final Series submit;
        final Series assign;
        final Series resolve;
        final Series cycle;

        Latencies(int n) {
            submit = new Series(n);
            assign = new Series(n);
            resolve = new Series(n);
            cycle = new Series(n);
        }
    }

    private static final class Series {
        final long[] values;
        private long[] sorted;

        Series(int n) {
            values = new long[n];
        }

        /** Nearest-rank percentile, ms. */
        double p(int percentile) {
            if (sorted == null) {
                sorted = values.clone();
                Arrays.sort(sorted);
            }
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void rss(String label) {
        try {
            String rss = "?";
            String hwm = "?";
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = line.substring(6).trim();
                } else if (line.startsWith("VmHWM:")) {
                    hwm = line.substring(6).trim();
                }
            }
            System.out.printf("case.%s.rss: %s (peak %s; one JVM: service, broker%s)%n", label, rss, hwm,
                    external != null ? "; MongoDB outside" : " and MongoDB-wire server");
        } catch (Exception e) {
            System.out.printf("case.%s.rss: unavailable (%s)%n", label, e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temp directory left behind is harmless
        }
    }
}
