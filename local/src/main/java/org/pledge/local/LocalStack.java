package org.pledge.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.pledge.contracts.Topics;
import org.pledge.local.control.ControlClient;
import org.pledge.local.control.ControlServer;
import org.pledge.local.control.ControlSocket;
import org.pledge.local.issuer.IssuerServer;
import org.pledge.local.mail.MailServer;
import org.pledge.local.process.Orphans;
import org.pledge.local.process.ProcessSupervisor;
import org.pledge.local.process.RestartPolicy;
import org.pledge.local.process.Supervised;
import org.pledge.local.process.SupervisorListener;
import org.pledge.local.sandbox.PaymentSandbox;
import org.pledge.local.sandbox.SandboxProvider;
import org.pledge.local.sandbox.SmsSandbox;
import org.pledge.embedded.EmbeddedKafka;
import org.pledge.embedded.EmbeddedMongo;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one-command local stack: Kafka, MongoDB-wire, the OIDC issuer, SMTP, the SMS and payment sandboxes in this
 * JVM, then the four services as child processes, watched: a service that dies is reported at once and started
 * again with back-off. {@code ./pledge-local status | restart <service> | stop} from another terminal talk to it
 * through its control socket. Ctrl-C / SIGTERM / {@code stop} stops everything, services first, within a bound.
 */
public final class LocalStack implements AutoCloseable {

    /** Thrown for a problem the user can fix (port busy, jar missing); printed without a stack trace. */
    public static final class StartFailure extends RuntimeException {
        public StartFailure(String message) {
            super(message);
        }
    }

    /** Services get SIGTERM and this long to exit before they are killed (with their descendants). */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** The whole stop: services, then the infrastructure, each part with its own bound inside this one. */
    static final Duration STOP_BUDGET = Duration.ofSeconds(30);
    static final int TOPIC_PARTITIONS = 3;
    static final String CHILDREN_FILE = "services.pids";
    private static final int CRASH_LOG_LINES = 8;

    /** A running piece of infrastructure: what to show in {@code status}, how to stop it and how long that may take. */
    private record Part(String name, String address, AutoCloseable closeable, Duration stopWithin) {
    }

    private final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private final LocalOptions options;
    private final PrintStream out;
    private final Clock clock;
    private final Deque<Part> infrastructure = new ArrayDeque<>(); // guarded by itself
    private final Object pidFileLock = new Object();
    private final ProcessSupervisor supervisor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final long createdNanos = System.nanoTime();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private FileChannel lockChannel;
    private FileLock lock;
    private ControlServer control;
    private volatile boolean stopped;
    private volatile boolean startupDone;
    private volatile boolean exitsWhenStopped;
    private Duration infraStartup;
    private Duration lastStop;

    public LocalStack(LocalOptions options, PrintStream out) {
        this(options, out, Clock.systemDefaultZone());
    }

    public LocalStack(LocalOptions options, PrintStream out, Clock clock) {
        this.options = options;
        this.out = out;
        this.clock = clock;
        this.supervisor = new ProcessSupervisor(STOP_GRACE, RestartPolicy.backOff(options.serviceTimeout()),
                new Reporter(), clock);
    }

    public static void main(String[] args) {
        LocalOptions options;
        try {
            Path jar = codeLocation();
            options = LocalOptions.parse(args, System::getenv, Path.of("").toAbsolutePath(), jar);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(ControlClient.USAGE);
            return;
        }
        if (options.help()) {
            System.out.print(LocalOptions.USAGE);
            return;
        }
        if (!options.command().isEmpty()) {
            System.exit(ControlClient.run(options.data(), options.command(), System.out, System.err));
            return;
        }
        System.setProperty("PLEDGE_LOG_DIR", options.data().resolve("logs").toString());
        // keep our logging set-up when the issuer's Spring context starts
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();

        LocalStack stack = new LocalStack(options, System.out);
        stack.exitsWhenStopped = true;
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "pledge-local-shutdown"));
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
        // stopped by a signal (the shutdown hook) or by `./pledge-local stop` (its reply is sent before we exit)
        stack.awaitClosed();
        System.out.flush();
        System.exit(0);
    }

    /** Starts everything, each part health-checked before the next; returns when all is up. */
    public void start() throws Exception {
        checkJars();
        Files.createDirectories(options.data());
        lock(options.data());
        try {
            startLocked();
        } catch (Exception | Error e) {
            close(); // whatever started, the control socket and the lock
            throw e;
        }
    }

    private void startLocked() throws Exception {
        LocalOptions.Ports ports = options.ports();
        Path data = options.data();
        control = ControlServer.start(ControlSocket.of(data), new ControlCommands(this));
        for (String orphan : Orphans.reap(data.resolve(CHILDREN_FILE), STOP_GRACE)) {
            out.printf("pledge-local: ended %s, left running by an earlier launcher that was killed%n", orphan);
        }
        checkPorts();
        out.printf("pledge-local: data in %s%n", data);

        long infraStart = System.nanoTime();
        step("Kafka (KRaft) on localhost:" + ports.kafka(), () -> {
            EmbeddedKafka kafka = EmbeddedKafka.start(ports.kafka(), data.resolve("kafka"));
            keep(new Part("Kafka", "localhost:" + ports.kafka(), kafka, Duration.ofSeconds(15)));
            createTopics(kafka.bootstrapServers());
        });
        step("MongoDB-wire (H2 on disk) on localhost:" + ports.mongo(), () -> {
            EmbeddedMongo mongo = EmbeddedMongo.h2(data.resolve("mongo").resolve("pledge.mv.db"), ports.mongo());
            keep(new Part("MongoDB-wire", mongo.connectionString(), mongo, Duration.ofSeconds(5)));
            try (MongoClient client = MongoClients.create(mongo.connectionString() + "/?serverSelectionTimeoutMS=10000")) {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
            }
        });
        step("OIDC issuer on http://localhost:" + ports.issuer(), () -> {
            IssuerServer issuer = IssuerServer.start(IssuerServer.Settings.of(ports.issuer(), data.resolve("issuer"), System::getenv));
            keep(new Part("OIDC issuer", "http://localhost:" + ports.issuer(), issuer, Duration.ofSeconds(5)));
            awaitHttp(issuer.jwkSetUri(), Duration.ofSeconds(30), body -> body.contains("\"keys\""));
        });
        step("SMTP on localhost:" + ports.smtp() + ", mail reader on http://localhost:" + ports.mail() + "/mail", () -> {
            MailServer mail = MailServer.start(ports.smtp(), ports.mail());
            keep(new Part("SMTP + mail reader", "localhost:" + ports.smtp() + ", http://localhost:" + ports.mail() + "/mail",
                    mail, Duration.ofSeconds(3)));
            awaitHttp("http://localhost:" + ports.mail() + "/health", Duration.ofSeconds(10), body -> body.contains("UP"));
        });
        step("SMS sandbox on http://localhost:" + ports.sms(), () -> {
            SmsSandbox sms = new SmsSandbox(ports.sms(), sandboxSettings(options.secrets().sms(), "sms.json"));
            keep(new Part("SMS sandbox", sms.baseUrl(), sms, Duration.ofSeconds(3)));
            awaitHttp(sms.baseUrl() + "/health", Duration.ofSeconds(10), body -> body.contains("UP"));
        });
        step("payment sandbox on http://localhost:" + ports.payments(), () -> {
            PaymentSandbox payments = new PaymentSandbox(ports.payments(),
                    sandboxSettings(options.secrets().payments(), "payments.json"));
            keep(new Part("payment sandbox", payments.baseUrl(), payments, Duration.ofSeconds(3)));
            awaitHttp(payments.baseUrl() + "/health", Duration.ofSeconds(10), body -> body.contains("UP"));
        });
        infraStartup = Duration.ofNanos(System.nanoTime() - infraStart);
        out.printf("pledge-local: infrastructure ready in %.1f s%n", infraStartup.toMillis() / 1000.0);

        List<String> unhealthy = startServices();
        startupDone = true;
        printSummary(unhealthy);
    }

    private SandboxProvider.Settings sandboxSettings(String secret, String file) {
        return new SandboxProvider.Settings(secret, Duration.ofSeconds(2), options.data().resolve("sandbox").resolve(file), null);
    }

    public Duration infraStartup() {
        return infraStartup;
    }

    /** How long the last {@link #close()} took (null before). */
    public synchronized Duration lastStop() {
        return lastStop;
    }

    public List<Supervised> services() {
        return supervisor.children();
    }

    /** Blocks until the stack has stopped (Ctrl-C, SIGTERM or {@code ./pledge-local stop}) and the reply is sent. */
    public void awaitClosed() {
        try {
            closedLatch.await();
            ControlServer server = control;
            if (server != null) {
                server.awaitIdle(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        if (stopped) {
            throw new StartFailure("stopped while starting");
        }
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
        if (stopped) {
            throw new StartFailure("stopped while starting");
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
            Supervised child = supervisor.start(service.name(), command, Map.of(), options.root(), logFile,
                    c -> isUp(service.healthUrl()));
            started.put(service, child);
            out.printf("pledge-local: started %s (pid %d), log in %s%n", service.name(), child.pid(), logFile);
        }
        List<String> unhealthy = new ArrayList<>();
        for (Map.Entry<ServiceSpec, Supervised> entry : started.entrySet()) {
            String problem = awaitHealthy(entry.getKey(), entry.getValue(), start + options.serviceTimeout().toNanos());
            if (problem != null) {
                unhealthy.add(entry.getKey().name());
                out.printf("pledge-local: %s is NOT healthy: %s%n", entry.getKey().name(), problem);
            }
        }
        if (!unhealthy.isEmpty() && !options.keepGoing()) {
            close();
            throw new StartFailure("not healthy: " + String.join(", ", unhealthy)
                    + ". See the logs in " + logs + " (or start with --keep-going to keep the rest running).");
        }
        return unhealthy;
    }

    /** Null when the service became healthy before {@code deadlineNanos}, else what went wrong. */
    private String awaitHealthy(ServiceSpec service, Supervised child, long deadlineNanos) throws InterruptedException {
        try {
            child.healthy().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (TimeoutException e) {
            return "no UP from " + service.healthUrl() + " within " + options.serviceTimeout().toSeconds() + " s; see " + child.logFile();
        } catch (ExecutionException e) {
            Process process = child.process();
            if (process != null && !process.isAlive()) {
                return "it " + Supervised.describeExit(process.exitValue()) + "; last lines of " + child.logFile() + ":\n    "
                        + String.join("\n    ", child.tail(15));
            }
            return e.getCause().getMessage();
        }
    }

    boolean isUp(String healthUrl) {
        String body = probe(healthUrl);
        return body != null && body.contains("\"UP\"");
    }

    private void rememberPids() {
        synchronized (pidFileLock) {
            if (stopped) {
                return; // the stop removes the file once every service is gone
            }
            try {
                Orphans.remember(options.data().resolve(CHILDREN_FILE), supervisor.children());
            } catch (IOException e) {
                log.warn("could not write {}", options.data().resolve(CHILDREN_FILE), e);
            }
        }
    }

    /** A line on the console, and in local.log. */
    void say(String line) {
        out.println("pledge-local: " + line);
        out.flush();
        log.info(line);
    }

    /** Tells the console what the supervisor does, and keeps the pid file true. */
    private final class Reporter implements SupervisorListener {

        @Override
        public void started(Supervised child, boolean restart) {
            rememberPids();
            if (restart) {
                say(child.name() + " started again (pid " + child.pid() + ", restart " + child.restarts() + ")");
            }
        }

        @Override
        public void healthy(Supervised child, Duration after) {
            if (child.restarts() == 0) {
                // the first start (all services are started at once)
                say(String.format("%s healthy after %.1f s", child.name(), after.toMillis() / 1000.0));
            } else {
                say(String.format("%s is healthy again (pid %d), %.1f s after its restart", child.name(), child.pid(),
                        after.toMillis() / 1000.0));
            }
        }

        @Override
        public void crashed(Supervised child, Crash crash) {
            if (!startupDone && crash.outcome() == Outcome.NOT_RESTARTED) {
                return; // a service that dies before it was ever healthy is reported by the start-up
            }
            StringBuilder report = new StringBuilder();
            report.append(String.format("%s (pid %d) CRASHED: %s, after %s up. Last lines of %s:", child.name(),
                    crash.pid(), crash.how(), ControlCommands.human(crash.uptime()), child.logFile()));
            List<String> lines = crash.lastLines();
            for (String line : lines.subList(Math.max(0, lines.size() - CRASH_LOG_LINES), lines.size())) {
                report.append("\n    ").append(line.length() > 240 ? line.substring(0, 240) + " ..." : line);
            }
            say(report.toString());
            switch (crash.outcome()) {
                case RESTART_SCHEDULED -> say(String.format("restarting %s in %s (crash %d in a row)", child.name(),
                        ControlCommands.human(crash.restartIn()), crash.crashesInARow()));
                case GAVE_UP -> say(String.format("%s crashed %d times in a row: giving up, it stays stopped. Fix the"
                        + " cause (see %s), then: ./pledge-local restart %s", child.name(), crash.crashesInARow(),
                        child.logFile(), child.name()));
                case NOT_RESTARTED -> say(String.format("%s is not restarted: it was never healthy. Fix the cause"
                        + " (see %s), then: ./pledge-local restart %s", child.name(), child.logFile(), child.name()));
            }
        }
    }

    // ---------------------------------------------------------------- for the control commands

    LocalOptions options() {
        return options;
    }

    ProcessSupervisor supervisor() {
        return supervisor;
    }

    /** "starting", "up" or "stopping" */
    String phase() {
        return stopped ? "stopping" : startupDone ? "up" : "starting";
    }

    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - createdNanos);
    }

    boolean exitsWhenStopped() {
        return exitsWhenStopped;
    }

    /** The running infrastructure, in start order: name and address. */
    List<Map.Entry<String, String>> infrastructureAddresses() {
        List<Map.Entry<String, String>> parts = new ArrayList<>();
        synchronized (infrastructure) {
            infrastructure.descendingIterator().forEachRemaining(part -> parts.add(Map.entry(part.name(), part.address())));
        }
        return parts;
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
        String data = options.data().equals(options.root().resolve(".pledge")) ? "" : " --data=" + options.data();
        s.append("From another terminal:  ./pledge-local status").append(data)
                .append("   ./pledge-local restart <service>").append(data)
                .append("   ./pledge-local stop").append(data).append('\n');
        s.append("Stop: Ctrl-C (or ./pledge-local stop)\n");
        s.append("==================================================================\n");
        out.print(s);
        out.flush();
    }

    // ---------------------------------------------------------------- stop

    /**
     * Stops the services (SIGTERM, killed with their descendants after {@link #STOP_GRACE}), then the infrastructure
     * in reverse order, each part with its own bound, all within about {@link #STOP_BUDGET}. Idempotent; a second
     * caller waits for the first to finish.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        long start = System.nanoTime();
        long deadline = start + STOP_BUDGET.toNanos();
        boolean started;
        synchronized (infrastructure) {
            started = !infrastructure.isEmpty() || !supervisor.children().isEmpty();
        }
        if (!supervisor.children().isEmpty()) {
            out.printf("pledge-local: stopping the services (killed if not stopped within %d s) ...%n", STOP_GRACE.toSeconds());
        }
        supervisor.stopAll();
        if (!supervisor.children().isEmpty()) {
            out.printf("pledge-local: services stopped in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        synchronized (pidFileLock) {
            try {
                if (!supervisor.children().isEmpty() && supervisor.children().stream().noneMatch(Supervised::isAlive)) {
                    Files.deleteIfExists(options.data().resolve(CHILDREN_FILE));
                }
            } catch (IOException e) {
                log.debug("could not delete the pid file", e);
            }
        }
        while (true) {
            Part part;
            synchronized (infrastructure) {
                if (infrastructure.isEmpty()) {
                    break;
                }
                part = infrastructure.pop();
            }
            out.println("pledge-local: stopping " + part.name());
            long left = Math.max(TimeUnit.SECONDS.toNanos(1), deadline - System.nanoTime());
            stopWithin(part, Duration.ofNanos(Math.min(part.stopWithin().toNanos(), left)));
        }
        if (control != null) {
            control.close();
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
        lastStop = Duration.ofNanos(System.nanoTime() - start);
        if (started) {
            out.printf("pledge-local: stopped in %.1f s%n", lastStop.toMillis() / 1000.0);
        }
        out.flush();
        closedLatch.countDown();
    }

    /** Closes {@code part} in a thread of its own, waiting at most {@code within}; one that hangs is left behind. */
    private void stopWithin(Part part, Duration within) {
        Thread closer = new Thread(() -> {
            try {
                part.closeable().close();
            } catch (Exception e) {
                log.warn("could not stop {} cleanly", part.name(), e);
            }
        }, "stop-" + part.name());
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(Math.max(1, within.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            out.printf("pledge-local: %s did not stop within %.0f s; moving on (it ends with the launcher)%n",
                    part.name(), within.toMillis() / 1000.0);
        }
    }

    /** Keeps a started part; one that comes up after a stop began is closed at once. */
    private void keep(Part part) {
        boolean kept;
        synchronized (infrastructure) {
            kept = !stopped;
            if (kept) {
                infrastructure.push(part);
            }
        }
        if (!kept) {
            stopWithin(part, part.stopWithin());
            throw new StartFailure("stopped while starting");
        }
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
