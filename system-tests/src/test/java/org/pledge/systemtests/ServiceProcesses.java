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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pledge.local.process.ProcessSupervisor;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.infra.FreePorts;
import org.pledge.testsupport.security.TestTokens;

/**
 * The four services as separate JVM processes started from their own {@code *-exec.jar}, pointed at
 * this JVM's {@link PledgeInfrastructure} and {@link TestTokens}.
 */
final class ServiceProcesses implements AutoCloseable {

    static final List<String> SERVICES = List.of("case-service", "feedback-service", "notification-service", "guarantee-service");

    private final ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(20));
    private final Map<String, URI> baseUris = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("case-service/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path jar(String service) {
        Path jar = repositoryRoot().resolve(service).resolve("target").resolve(service + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn -B verify` from the root (it packages the services first)");
        }
        return jar;
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
            int port = FreePorts.next();
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-jar", jar(service).toString(),
                    "--server.port=" + port,
                    "--pledge.local.parent-pid=" + ProcessHandle.current().pid()));
            String database = "st-" + runId + "-" + service;
            PledgeTestInitializer.properties(infrastructure, tokens, database)
                    .forEach((key, value) -> command.add("--" + key + "=" + value));
            command.addAll(extraArgs.getOrDefault(service, List.of()));
            supervisor.start(service, command, Map.of(), repositoryRoot(), logs.resolve(service + "-" + runId + ".log"));
            baseUris.put(service, URI.create("http://localhost:" + port));
        }
        for (String service : services) {
            awaitHealthy(service, Duration.ofSeconds(150));
        }
        return this;
    }

    URI uri(String service, String path) {
        return baseUris.get(service).resolve(path);
    }

    List<ProcessHandle> processes() {
        return supervisor.children().stream().map(s -> s.process().toHandle()).toList();
    }

    private void awaitHealthy(String service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(service, "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            boolean alive = supervisor.children().stream().filter(c -> c.name().equals(service)).allMatch(c -> c.isAlive());
            if (!alive) {
                throw new IllegalStateException(service + " exited during start-up; see system-tests/target/service-logs");
            }
            sleep(500);
        }
        throw new IllegalStateException(service + " not healthy within " + timeout + "; see system-tests/target/service-logs");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        supervisor.stopAll();
    }
}
