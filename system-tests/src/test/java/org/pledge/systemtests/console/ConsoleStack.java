package org.pledge.systemtests.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.pledge.local.issuer.IssuerServer;
import org.pledge.local.process.ProcessSupervisor;
import org.pledge.systemtests.Fixtures;
import org.pledge.systemtests.ServiceProcesses;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.security.TestTokens;

/**
 * What the console's browser tests run against: the local issuer (in this JVM, {@link LocalIssuerForTests}), the four
 * shared services ({@link ServiceProcesses#shared()}) trusting it, and the console as a process of its own (from
 * {@code console/target/console-exec.jar}) signing people in at that issuer and calling those services.
 *
 * <pre>
 * ConsoleStack stack = ConsoleStack.shared();
 * driver.get(stack.uri("/service-levels").toString());
 * String caseId = stack.fixtures().submittedCase();     // the services' data, through their APIs
 * </pre>
 *
 * Started once per JVM (the services are the dearest part) and stopped when it ends; a failed start is not retried.
 * Every browser test shares it: tell your data apart by its own ids (a fixture's case ids, your own service type).
 */
public final class ConsoleStack {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private static ConsoleStack shared;
    private static RuntimeException failure;

    private final ServiceProcesses services;
    private final Fixtures fixtures;
    private final IssuerServer issuer;
    private final URI console;
    private final ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(20));

    private ConsoleStack(ServiceProcesses services, IssuerServer issuer, URI console) {
        this.services = services;
        this.fixtures = new Fixtures(services);
        this.issuer = issuer;
        this.console = console;
    }

    /** The issuer, the services and the console, started on first use. */
    public static synchronized ConsoleStack shared() {
        if (failure != null) {
            throw failure;
        }
        if (shared == null) {
            try {
                TestTokens.get(); // starts the local issuer (LocalIssuerForTests), which the services then trust
                ServiceProcesses services = ServiceProcesses.shared();
                ConsoleStack started = new ConsoleStack(services, LocalIssuerForTests.issuer(),
                        URI.create(LocalIssuerForTests.consoleBase()));
                Runtime.getRuntime().addShutdownHook(new Thread(started.supervisor::stopAll, "console-stop"));
                started.startConsole();
                shared = started;
            } catch (IOException | RuntimeException e) {
                failure = new IllegalStateException("the console stack did not start: " + e.getMessage(), e);
                throw failure;
            }
        }
        return shared;
    }

    /** Stops the console if it was started, once every test has run ({@code SharedProcessesStop}); a later {@link #shared()} fails. */
    public static synchronized void stopShared() {
        if (shared != null) {
            shared.supervisor.stopAll();
            shared = null;
            failure = new IllegalStateException("the console stack was stopped: every test has run");
        }
    }

    /** {@code path} on the console, e.g. {@code uri("/refunds?lang=fr")}. */
    public URI uri(String path) {
        return console.resolve(path);
    }

    /** The console's base URI, {@code http://localhost:<port>}. */
    public URI console() {
        return console;
    }

    /** The issuer people sign in at (its login form, its end-session endpoint). */
    public IssuerServer issuer() {
        return issuer;
    }

    /** The four services' processes ({@code services().uri("guarantee-service", "/claims")}). */
    public ServiceProcesses services() {
        return services;
    }

    /** Cases, claims and tokens made through the services' APIs (the same data the console shows). */
    public Fixtures fixtures() {
        return fixtures;
    }

    private void startConsole() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(
                    URI.create(issuer.issuer() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
            if (discovery.statusCode() != 200 || !discovery.body().contains("\"end_session_endpoint\"")) {
                throw new IllegalStateException("the local issuer at " + issuer.issuer() + " answers its discovery with "
                        + discovery.statusCode() + ": " + discovery.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Path logs = ServiceProcesses.repositoryRoot().resolve("system-tests/target/service-logs");
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", ServiceProcesses.jar("console").toString(),
                "--server.port=" + LocalIssuerForTests.consolePort(),
                "--pledge.local.parent-pid=" + ProcessHandle.current().pid(),
                "--spring.security.oauth2.client.provider.pledge.issuer-uri=" + issuer.issuer()));
        for (String service : ServiceProcesses.SERVICES) {
            URI base = services.uri(service, "/");
            command.add("--pledge.console.services." + service + "=http://localhost:" + base.getPort());
        }
        supervisor.start("console", command, Map.of(), ServiceProcesses.repositoryRoot(), logs.resolve("console.log"));
        try {
            Eventually.await("console healthy", START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (supervisor.children().stream().noneMatch(child -> child.isAlive())) {
                    throw new IllegalStateException("the console exited during start-up; see " + logs.resolve("console.log"));
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return health.statusCode() == 200 && health.body().contains("\"UP\"");
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the console was not healthy within " + START_TIMEOUT + "; see "
                    + logs.resolve("console.log"), e);
        }
    }
}
