package org.pledge.local;

import org.pledge.local.control.ControlClient;
import org.pledge.local.control.ControlServer;
import org.pledge.local.control.ControlSocket;
import org.pledge.local.process.Orphans;
import org.pledge.local.process.ProcessSupervisor;
import org.pledge.local.process.RestartPolicy;
import org.pledge.local.process.Supervised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static final String CHILDREN_FILE = "services.pids";

    private final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private final LocalOptions options;
    private final PrintStream out;
    private final Clock clock;
    private final HttpProbe probe = new HttpProbe();
    private final LocalInfrastructure infrastructure;
    private final Object pidFileLock = new Object();
    private final ProcessSupervisor supervisor;
    private final long createdNanos = System.nanoTime();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private DataFolderLock lock;
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
        this.infrastructure = new LocalInfrastructure(options, out, probe, () -> stopped);
        this.supervisor = new ProcessSupervisor(STOP_GRACE, RestartPolicy.backOff(options.serviceTimeout()),
                new ServiceReporter(this::say, this::rememberPids, () -> startupDone), clock);
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
        lock = DataFolderLock.acquire(options.data());
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
        infrastructure.start();
        infraStartup = Duration.ofNanos(System.nanoTime() - infraStart);
        out.printf("pledge-local: infrastructure ready in %.1f s%n", infraStartup.toMillis() / 1000.0);

        List<String> unhealthy = startServices();
        startupDone = true;
        out.print(StartupSummary.of(options, unhealthy));
        out.flush();
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

    // ---------------------------------------------------------------- services

    /**
     * Starts the services in parallel and waits for their health, then the console (it calls them: started after them,
     * it does not compete with their start-up for the CPU); returns the names of those that failed.
     */
    private List<String> startServices() throws Exception {
        List<ServiceSpec> services = options.services().stream().filter(s -> !s.name().equals(ServiceSpec.CONSOLE)).toList();
        List<ServiceSpec> console = options.services().stream().filter(s -> s.name().equals(ServiceSpec.CONSOLE)).toList();
        List<String> unhealthy = new ArrayList<>(startAndAwait(services));
        if (unhealthy.isEmpty() || options.keepGoing()) {
            unhealthy.addAll(startAndAwait(console));
        }
        if (!unhealthy.isEmpty() && !options.keepGoing()) {
            close();
            throw new StartFailure("not healthy: " + String.join(", ", unhealthy)
                    + ". See the logs in " + options.data().resolve("logs")
                    + " (or start with --keep-going to keep the rest running).");
        }
        return unhealthy;
    }

    /** Starts {@code services} in parallel and waits for their health; returns the names of those that failed. */
    private List<String> startAndAwait(List<ServiceSpec> services) throws Exception {
        if (services.isEmpty()) {
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
        for (ServiceSpec service : services) {
            List<String> command = service.command(java, options.jvmOptions(), service.jar(options.root()),
                    service.arguments(options.ports(), options.secrets(), parentPid, options.data()));
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
        return probe.isUp(healthUrl);
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
        return infrastructure.addresses();
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
        boolean started = !infrastructure.isEmpty() || !supervisor.children().isEmpty();
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
        infrastructure.stop(deadline);
        if (control != null) {
            control.close();
        }
        try {
            if (lock != null) {
                lock.close();
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

    /** The launcher jar when started with {@code java -jar}, else null. */
    private static Path codeLocation() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            return Path.of(classPath);
        }
        return null;
    }
}
