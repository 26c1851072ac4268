package org.pledge.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.pledge.contracts.Topics;
import org.pledge.local.issuer.IssuerServer;
import org.pledge.local.mail.MailServer;
import org.pledge.local.process.Orphans;
import org.pledge.local.process.ProcessSupervisor;
import org.pledge.local.process.Supervised;
import org.pledge.local.sandbox.PaymentSandbox;
import org.pledge.local.sandbox.SandboxProvider;
import org.pledge.local.sandbox.SmsSandbox;
import org.pledge.testsupport.infra.EmbeddedKafka;
import org.pledge.testsupport.infra.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one-command local stack: Kafka, MongoDB-wire, the OIDC issuer, SMTP, the SMS and payment sandboxes in this
 * JVM, then the four services as child processes. Ctrl-C / SIGTERM stops everything, services first.
 */
public final class LocalStack implements AutoCloseable {

    /** Thrown for a problem the user can fix (port busy, jar missing); printed without a stack trace. */
    public static final class StartFailure extends RuntimeException {
        public StartFailure(String message) {
            super(message);
        }
    }

    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    static final int TOPIC_PARTITIONS = 3;
    static final String CHILDREN_FILE = "services.pids";

    private final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private final LocalOptions options;
    private final PrintStream out;
    private final Deque<Map.Entry<String, AutoCloseable>> infrastructure = new ArrayDeque<>();
    private final ProcessSupervisor supervisor = new ProcessSupervisor(STOP_GRACE);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private FileChannel lockChannel;
    private FileLock lock;
    private boolean stopped;
    private Duration infraStartup;

    public LocalStack(LocalOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        LocalOptions options;
        try {
            Path jar = codeLocation();
            options = LocalOptions.parse(args, System::getenv, Path.of("").toAbsolutePath(), jar);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LocalOptions.USAGE);
            return;
        }
        System.setProperty("PLEDGE_LOG_DIR", options.data().resolve("logs").toString());
        // keep our logging set-up when the issuer's Spring context starts
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();

        LocalStack stack = new LocalStack(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "pledge-local-shutdown"));
        try {
            stack.start();
        } catch (StartFailure e) {
            System.err.println();
            System.err.println("pledge-local: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            LoggerFactory.getLogger(LocalStack.class).error("pledge-local could not start", e);
            System.exit(1);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts everything, each part health-checked before the next; returns when all is up. */
    public void start() throws Exception {
        LocalOptions.Ports ports = options.ports();
        Path data = options.data();
        checkJars();
        Files.createDirectories(data);
        lock(data);
        for (String orphan : Orphans.reap(data.resolve(CHILDREN_FILE), STOP_GRACE)) {
            out.printf("pledge-local: ended %s, left running by an earlier launcher that was killed%n", orphan);
        }
        checkPorts();
        out.printf("pledge-local: data in %s%n", data);

        long infraStart = System.nanoTime();
        step("Kafka (KRaft) on localhost:" + ports.kafka(), () -> {
            EmbeddedKafka kafka = EmbeddedKafka.start(ports.kafka(), data.resolve("kafka"));
            infrastructure.push(Map.entry("Kafka", kafka));
            createTopics(kafka.bootstrapServers());
        });
        step("MongoDB-wire (H2 on disk) on localhost:" + ports.mongo(), () -> {
            EmbeddedMongo mongo = EmbeddedMongo.h2(data.resolve("mongo").resolve("pledge.mv.db"), ports.mongo());
            infrastructure.push(Map.entry("MongoDB-wire", mongo));
            try (MongoClient client = MongoClients.create(mongo.connectionString() + "/?serverSelectionTimeoutMS=10000")) {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
            }
        });
        step("OIDC issuer on http://localhost:" + ports.issuer(), () -> {
            IssuerServer issuer = IssuerServer.start(IssuerServer.Settings.of(ports.issuer(), data.resolve("issuer"), System::getenv));
            infrastructure.push(Map.entry("OIDC issuer", issuer));
            awaitHttp(issuer.jwkSetUri(), Duration.ofSeconds(30), body -> body.contains("\"keys\""));
        });
        step("SMTP on localhost:" + ports.smtp() + ", mail reader on http://localhost:" + ports.mail() + "/mail", () -> {
            MailServer mail = MailServer.start(ports.smtp(), ports.mail());
            infrastructure.push(Map.entry("mail", mail));
            awaitHttp("http://localhost:" + ports.mail() + "/health", Duration.ofSeconds(10), body -> body.contains("UP"));
        });
        step("SMS sandbox on http://localhost:" + ports.sms(), () -> {
            SmsSandbox sms = new SmsSandbox(ports.sms(), sandboxSettings(options.secrets().sms(), "sms.json"));
            infrastructure.push(Map.entry("SMS sandbox", sms));
            awaitHttp(sms.baseUrl() + "/health", Duration.ofSeconds(10), body -> body.contains("UP"));
        });
        step("payment sandbox on http://localhost:" + ports.payments(), () -> {
            PaymentSandbox payments = new PaymentSandbox(ports.payments(),
                    sandboxSettings(options.secrets().payments(), "payments.json"));
            infrastructure.push(Map.entry("payment sandbox", payments));
            awaitHttp(payments.baseUrl() + "/health", Duration.ofSeconds(10), body -> body.contains("UP"));
        });
        infraStartup = Duration.ofNanos(System.nanoTime() - infraStart);
        out.printf("pledge-local: infrastructure ready in %.1f s%n", infraStartup.toMillis() / 1000.0);

        List<String> unhealthy = startServices();
        printSummary(unhealthy);
    }

    private SandboxProvider.Settings sandboxSettings(String secret, String file) {
        return new SandboxProvider.Settings(secret, Duration.ofSeconds(2), options.data().resolve("sandbox").resolve(file), null);
    }

    public Duration infraStartup() {
        return infraStartup;
    }

    public List<Supervised> services() {
        return supervisor.children();
    }

    // ---------------------------------------------------------------- checks

    private void checkJars() {
        List<String> missing = new ArrayList<>();
        for (ServiceSpec service : options.services()) {
            if (!Files.isRegularFile(service.jar(options.root()))) {
                missing.add("  " + service.jar(options.root()));
            }
        }
        if (!missing.isEmpty()) {
            throw new StartFailure("the service jars are missing:\n" + String.join("\n", missing)
                    + "\nBuild them first: ./pledge-local does it for you, or run"
                    + " `mvn -B -DskipTests package` in " + options.root()
                    + "\n(or start the infrastructure alone with --infra-only)");
        }
    }

    private void lock(Path data) throws IOException {
        lockChannel = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by another launcher in this very JVM (tests)
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            throw new StartFailure("another pledge-local is already running with the data folder " + data
                    + "\nStop it first (Ctrl-C in its terminal), or use another folder with --data=DIR.");
        }
        lockChannel.truncate(0);
        lockChannel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes()));
    }

    private void checkPorts() {
        Map<String, Integer> wanted = new LinkedHashMap<>(options.ports().named());
        options.services().forEach(s -> wanted.put(s.name(), s.port()));
        List<String> busy = wanted.entrySet().stream()
                .filter(e -> !Http.portFree(e.getValue()))
                .map(e -> "  " + e.getValue() + " (" + e.getKey() + ")")
                .toList();
        if (!busy.isEmpty()) {
            throw new StartFailure("these ports are already in use:\n" + String.join("\n", busy)
                    + "\nIs another pledge-local (or a service from your IDE) running? Stop it first;"
                    + " `ss -ltnp` shows who holds a port.");
        }
    }

    // ---------------------------------------------------------------- infrastructure

    private interface Step {
        void run() throws Exception;
    }

    private void step(String what, Step step) throws Exception {
        long start = System.nanoTime();
        out.printf("pledge-local: starting %s ...%n", what);
        try {
            step.run();
        } catch (Exception | Error e) {
            out.printf("pledge-local: %s FAILED: %s%n", what, e);
            close();
            throw e;
        }
        out.printf("pledge-local:   up in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    private void createTopics(String bootstrap) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                for (String name : List.of(topic, Topics.deadLetter(topic))) {
                    if (!existing.contains(name)) {
                        topics.add(new NewTopic(name, TOPIC_PARTITIONS, (short) 1));
                    }
                }
            }
            if (!topics.isEmpty()) {
                admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private void awaitHttp(String url, Duration timeout, java.util.function.Predicate<String> healthy)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            String answer = probe(url);
            if (answer != null && healthy.test(answer)) {
                return;
            }
            last = answer == null ? "no answer" : answer;
            Thread.sleep(250);
        }
        throw new StartFailure(url + " is not healthy after " + timeout.toSeconds() + " s (last answer: " + last + ")");
    }

    /** The body of a 200 answer, else null. */
    private String probe(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // ---------------------------------------------------------------- services

    /** Starts the services in parallel and waits for their health; returns the names of those that failed. */
    private List<String> startServices() throws Exception {
        if (options.services().isEmpty()) {
            return List.of();
        }
        long parentPid = ProcessHandle.current().pid();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path logs = options.data().resolve("logs");
        long start = System.nanoTime();
        Map<ServiceSpec, Supervised> started = new LinkedHashMap<>();
        for (ServiceSpec service : options.services()) {
            List<String> command = service.command(java, options.jvmOptions(), service.jar(options.root()),
                    service.arguments(options.ports(), options.secrets(), parentPid));
            Path logFile = logs.resolve(service.name() + ".log");
            Files.createDirectories(logs);
            Files.writeString(logFile, "=== pledge-local started " + service.name() + ": " + String.join(" ", command) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            started.put(service, supervisor.start(service.name(), command, Map.of(), options.root(), logFile));
            out.printf("pledge-local: started %s (pid %d), log in %s%n", service.name(), started.get(service).pid(), logFile);
        }
        Orphans.remember(options.data().resolve(CHILDREN_FILE), supervisor.children());
        Map<ServiceSpec, CompletableFuture<String>> waits = new LinkedHashMap<>();
        started.forEach((service, process) -> waits.put(service, CompletableFuture.supplyAsync(() -> awaitService(service, process, start))));
        List<String> unhealthy = new ArrayList<>();
        for (Map.Entry<ServiceSpec, CompletableFuture<String>> wait : waits.entrySet()) {
            String problem = wait.getValue().get();
            if (problem != null) {
                unhealthy.add(wait.getKey().name());
                out.printf("pledge-local: %s is NOT healthy: %s%n", wait.getKey().name(), problem);
            }
        }
        if (!unhealthy.isEmpty() && !options.keepGoing()) {
            close();
            throw new StartFailure("not healthy: " + String.join(", ", unhealthy)
                    + ". See the logs in " + logs + " (or start with --keep-going to keep the rest running).");
        }
        return unhealthy;
    }

    /** Null when the service became healthy, else what went wrong. */
    private String awaitService(ServiceSpec service, Supervised process, long startNanos) {
        long deadline = startNanos + options.serviceTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return "it exited with code " + process.process().exitValue() + "; last lines of " + process.logFile() + ":\n    "
                        + String.join("\n    ", process.tail(15));
            }
            String body = probe(service.healthUrl());
            if (body != null && body.contains("\"UP\"")) {
                out.printf("pledge-local: %s healthy after %.1f s%n", service.name(), (System.nanoTime() - startNanos) / 1e9);
                return null;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return "no UP from " + service.healthUrl() + " within " + options.serviceTimeout().toSeconds() + " s; see " + process.logFile();
    }

    // ---------------------------------------------------------------- summary

    private void printSummary(List<String> unhealthy) {
        LocalOptions.Ports p = options.ports();
        StringBuilder s = new StringBuilder();
        s.append("\n==================== Pledge local stack is up ====================\n");
        s.append(String.format("  Kafka               localhost:%d%n", p.kafka()));
        s.append(String.format("  MongoDB-wire        mongodb://localhost:%d%n", p.mongo()));
        s.append(String.format("  OIDC issuer         http://localhost:%d  (JWKS http://localhost:%d/oauth2/jwks)%n", p.issuer(), p.issuer()));
        s.append(String.format("  SMTP                localhost:%d   mail reader  http://localhost:%d/mail%n", p.smtp(), p.mail()));
        s.append(String.format("  SMS sandbox         http://localhost:%d/v1/messages%n", p.sms()));
        s.append(String.format("  payment sandbox     http://localhost:%d/v1/payments%n", p.payments()));
        for (ServiceSpec service : options.services()) {
            s.append(String.format("  %-20s http://localhost:%d %s%n", service.name(), service.port(),
                    unhealthy.contains(service.name()) ? "(NOT HEALTHY)" : ""));
        }
        if (options.services().isEmpty()) {
            s.append("  services            not started (--infra-only)\n");
        }
        s.append("  data                ").append(options.data()).append('\n');
        s.append("  clients             ").append(String.join(", ", org.pledge.local.issuer.LocalClients.ROLES.keySet()))
                .append(" (secret <client>-secret unless PLEDGE_SECRET_<CLIENT> is set)\n");
        s.append("\nGet a token:\n");
        s.append(String.format("  TOKEN=$(curl -s -u caseworker:caseworker-secret -d grant_type=client_credentials"
                + " http://localhost:%d/oauth2/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')%n", p.issuer()));
        int port = options.services().isEmpty() ? 8081 : options.services().get(0).port();
        s.append("Call a service with it:\n");
        s.append(String.format("  curl -s -H \"Authorization: Bearer $TOKEN\" http://localhost:%d/actuator/health%n", port));
        s.append("Read the mail:  curl -s http://localhost:").append(p.mail()).append("/mail\n");
        s.append("Stop: Ctrl-C\n");
        s.append("==================================================================\n");
        out.print(s);
        out.flush();
    }

    // ---------------------------------------------------------------- stop

    /** Stops the services (polite, then forcibly after 15 s), then the infrastructure in reverse order. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        boolean started = !infrastructure.isEmpty();
        if (!supervisor.children().isEmpty()) {
            out.println("pledge-local: stopping the services ...");
        }
        supervisor.stopAll();
        try {
            if (!supervisor.children().isEmpty() && supervisor.children().stream().noneMatch(Supervised::isAlive)) {
                Files.deleteIfExists(options.data().resolve(CHILDREN_FILE));
            }
        } catch (IOException e) {
            log.debug("could not delete the pid file", e);
        }
        while (!infrastructure.isEmpty()) {
            Map.Entry<String, AutoCloseable> part = infrastructure.pop();
            try {
                out.println("pledge-local: stopping " + part.getKey());
                part.getValue().close();
            } catch (Exception e) {
                log.warn("could not stop {} cleanly", part.getKey(), e);
            }
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.debug("lock release", e);
        }
        if (started) {
            out.println("pledge-local: stopped");
        }
        out.flush();
    }

    /** The launcher jar when started with {@code java -jar}, else null. */
    private static Path codeLocation() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            return Path.of(classPath);
        }
        return null;
    }
}
