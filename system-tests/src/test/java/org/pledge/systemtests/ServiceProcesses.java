package org.pledge.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.core.ConditionTimeoutException;
import org.pledge.local.LocalOptions;
import org.pledge.local.process.ProcessSupervisor;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.security.TestTokens;

/**
 * The four services as separate JVM processes started from their own {@code *-exec.jar}, pointed at
 * this JVM's {@link PledgeInfrastructure} and {@link TestTokens}. {@link #shared()} starts them once per JVM for every
 * test class that needs the standard set ({@code ServicesIT}, {@code HostileInputIT}, {@code DataSubjectErasureIT},
 * {@code NotificationsEndToEndIT}'s email flow), with a real SMTP server for notification-service's emails
 * ({@link #mail()}); a test that kills, restarts or reconfigures a service starts its own with {@link #start}.
 *
 * <p>Starting the four services is the dearest thing a system test does (tens of seconds on a busy machine), so a new
 * system test uses the shared set whenever it does not kill, restart or reconfigure a service, and tells its data
 * apart from the other tests' by its own case ids, references and addresses (the set lives as long as the JVM).
 */
public final class ServiceProcesses implements AutoCloseable {

    public static final List<String> SERVICES = List.of("case-service", "feedback-service", "notification-service", "guarantee-service");

    /** The consumers give up after three quick tries, so that a poison message is parked within seconds. */
    private static final List<String> FAST_RETRIES = List.of("--pledge.messaging.consumers.caseEvents.max-attempts=3",
            "--pledge.messaging.consumers.caseEvents.back-off-initial-interval=100ms");
    /** Every suite here sends from one address: the public survey API's rate limit has its own test (PublicSurveyAbuseIT). */
    private static final List<String> FEEDBACK_ARGS = java.util.stream.Stream.concat(FAST_RETRIES.stream(),
            java.util.stream.Stream.of("--pledge.feedback.public-rate-limit.requests=1000000")).toList();

    /**
     * case-service's consumer of notification outcomes, quick too: other tests' notification-services report on cases
     * this case-service does not know, and those are parked within a second instead of holding up the partition.
     */
    private static final List<String> CASE_SERVICE_RETRIES = List.of(
            "--pledge.messaging.consumers.notificationEvents.max-attempts=3",
            "--pledge.messaging.consumers.notificationEvents.back-off-initial-interval=100ms");

    /** A service starts in about 30 s on an idle 2-core machine, and has been seen taking 150 s on a busy one. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private static ServiceProcesses shared;
    private static RuntimeException sharedFailure;
    private static GreenMail sharedMail;

    private final ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(20));
    private final Map<String, URI> baseUris = new ConcurrentHashMap<>();
    private final Map<String, Path> portFiles = new ConcurrentHashMap<>();
    private final Map<String, String> databases = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("case-service/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Path jar(String service) {
        Path jar = repositoryRoot().resolve(service).resolve("target").resolve(service + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn -B verify` from the root (it packages the services first)");
        }
        return jar;
    }

    /**
     * The four services with fast consumer retries, started on first use and stopped by a shutdown hook when the JVM
     * ends (each also exits when this JVM dies: {@code pledge.local.parent-pid}). A failed start is not retried: every
     * later caller gets the same failure.
     */
    public static synchronized ServiceProcesses shared() {
        if (sharedFailure != null) {
            throw sharedFailure;
        }
        if (shared == null) {
            PledgeInfrastructure.get();
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            ServiceProcesses started = new ServiceProcesses();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                mail.stop();
            }, "service-processes-stop"));
            List<String> notificationArgs = new ArrayList<>(FAST_RETRIES);
            notificationArgs.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort()));
            try {
                started.start(UUID.randomUUID().toString().substring(0, 8), SERVICES,
                        Map.of("case-service", CASE_SERVICE_RETRIES, "feedback-service", withOwnLinks(FEEDBACK_ARGS),
                                "notification-service", notificationArgs, "guarantee-service", FAST_RETRIES));
            } catch (IOException | RuntimeException e) {
                started.close();
                mail.stop();
                sharedFailure = new IllegalStateException("the shared services did not start: " + e.getMessage(), e);
                throw sharedFailure;
            }
            shared = started;
            sharedMail = mail;
        }
        return shared;
    }

    /**
     * Stops the shared set if it was started, once every test has run ({@link SharedProcessesStop}): while this JVM's
     * Kafka and MongoDB still run. Left to the shutdown hook, the services raced the infrastructure's own hook, waited
     * for a MongoDB that was gone and were killed after the grace period. A later {@link #shared()} fails.
     */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
            sharedFailure = new IllegalStateException("the shared services were stopped: every test has run");
        }
    }

    /** The SMTP server (GreenMail, in this JVM) the shared notification-service sends every email to. */
    static synchronized GreenMail mail() {
        shared();
        return sharedMail;
    }

    /** The emails the shared set sent to {@code address} so far (every test's mail arrives here: pick your own address). */
    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail().getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getRecipients(Message.RecipientType.TO);
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /**
     * feedback-service's arguments with a port chosen here and survey links that open its page on that port: the link
     * goes into the invitation before anyone can ask the service which port it bound, so it cannot be port 0. The port
     * is a free one below the kernel's ephemeral range, which outgoing connections never take meanwhile, and none of the
     * local stack's fixed ports (LocalStackIT runs at the same time).
     */
    static List<String> withOwnLinks(List<String> args) {
        int port = freePortBelowTheEphemeralRange();
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=" + port);
        all.add("--pledge.surveys.link-base-url=http://localhost:" + port + "/surveys/");
        return all;
    }

    private static int freePortBelowTheEphemeralRange() {
        int ephemeralStart = 32768;
        try {
            // not Files.readString: it reads a file of size 0 one byte first, and a sysctl file answers a read at an
            // offset with end of file, so it gave "3" (every shared feedback-service then took port 20000)
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0);
            int start = Integer.parseInt(range.trim().split("\\s+")[0]);
            if (start > 21000) { // else keep the default: too few ports to pick from at random
                ephemeralStart = start;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the IANA range starts at 49152, and 32768 is below both
        }
        // LocalStackIT runs beside the other classes with the local stack's fixed ports: never take one of them
        java.util.Set<Integer> localStack = new java.util.HashSet<>(LocalOptions.Ports.DEFAULT.named().values());
        java.util.Random random = new java.util.Random();
        for (int tries = 0; tries < 200; tries++) {
            int port = 20000 + random.nextInt(Math.max(1, ephemeralStart - 20000));
            if (localStack.contains(port)) {
                continue;
            }
            try (java.net.ServerSocket socket = new java.net.ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and " + ephemeralStart);
    }

    ServiceProcesses start(String runId, List<String> services) throws IOException {
        return start(runId, services, Map.of());
    }

    /** Starts {@code services}, each with the extra {@code --key=value} arguments given for it. */
    ServiceProcesses start(String runId, List<String> services, Map<String, List<String>> extraArgs) throws IOException {
        PledgeInfrastructure infrastructure = PledgeInfrastructure.get();
        TestTokens tokens = TestTokens.get();
        Path logs = repositoryRoot().resolve("system-tests/target/service-logs");
        for (String service : services) {
            // port 0 and a port file: a port picked here and bound seconds later by the service can be taken meanwhile
            Path portFile = logs.resolve(service + "-" + runId + ".port");
            Files.createDirectories(logs);
            Files.deleteIfExists(portFile);
            List<String> extra = extraArgs.getOrDefault(service, List.of());
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-jar", jar(service).toString(),
                    "--pledge.local.port-file=" + portFile,
                    "--pledge.local.parent-pid=" + ProcessHandle.current().pid()));
            if (extra.stream().noneMatch(arg -> arg.startsWith("--server.port="))) {
                command.add("--server.port=0"); // twice would be "0,<port>" to Spring
            }
            String database = "st-" + runId + "-" + service;
            databases.put(service, database);
            PledgeTestInitializer.properties(infrastructure, tokens, database)
                    .forEach((key, value) -> command.add("--" + key + "=" + value));
            command.addAll(extra);
            supervisor.start(service, command, Map.of(), repositoryRoot(),
                    logs.resolve(service + "-" + runId + ".log"));
            portFiles.put(service, portFile);
        }
        for (String service : services) {
            awaitHealthy(service, START_TIMEOUT);
        }
        return this;
    }

    /** {@code path} on {@code service}, at the port it wrote when it started (these children are never restarted). */
    public URI uri(String service, String path) {
        URI base = baseUris.get(service);
        if (base == null) {
            throw new IllegalStateException(service + " has not written its port yet");
        }
        return base.resolve(path);
    }

    /** The MongoDB database {@code service} keeps everything in, on this JVM's {@link PledgeInfrastructure}. */
    String database(String service) {
        String database = databases.get(service);
        if (database == null) {
            throw new IllegalStateException(service + " was not started here");
        }
        return database;
    }

    List<ProcessHandle> processes() {
        return supervisor.children().stream().map(s -> s.process().toHandle()).toList();
    }

    private void awaitHealthy(String service, Duration timeout) {
        try {
            Eventually.await(service + " healthy", timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                boolean alive = supervisor.children().stream().filter(c -> c.name().equals(service)).allMatch(c -> c.isAlive());
                if (!alive) {
                    throw new IllegalStateException(service + " exited during start-up; see system-tests/target/service-logs");
                }
                return answersUp(service);
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(service + " not healthy within " + timeout + "; see system-tests/target/service-logs", e);
        }
    }

    /** Whether the service has written its port and its health check answers UP. */
    private boolean answersUp(String service) throws InterruptedException {
        if (!baseUris.containsKey(service)) {
            Optional<Integer> port = boundPort(service);
            if (port.isEmpty()) {
                return false;
            }
            baseUris.put(service, URI.create("http://localhost:" + port.get()));
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(service, "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /** The port the service wrote once its web server listened, if it has (the file is replaced whole). */
    private Optional<Integer> boundPort(String service) {
        try {
            String text = Files.readString(portFiles.get(service)).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // not written yet
        }
    }

    @Override
    public void close() {
        supervisor.stopAll();
    }
}
