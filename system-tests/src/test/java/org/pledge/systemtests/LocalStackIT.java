package org.pledge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.security.TestTokens;

/**
 * The README's run command, end to end: the launcher jar brings Kafka, MongoDB-wire, the OIDC issuer,
 * SMTP, the sandboxes and the four services and the console up; every service answers its secured endpoint for a token
 * of the local issuer; case-service killed with SIGKILL is reported, restarted and healthy again without anyone
 * doing anything, and {@code ./pledge-local status} shows it; stopping it (SIGTERM) leaves no process behind; a
 * second start (case-service alone) finds the data, and {@code ./pledge-local stop} from another process stops
 * everything.
 *
 * <p>Uses the stack's fixed local ports (9000, 9092, 27017, 2525, 9100-9102, 8081-8084): nothing else may
 * hold them while it runs. It shares nothing else with the other system tests (its own Kafka, MongoDB-wire, issuer and
 * processes; the shared services' ports are chosen clear of these), so it runs beside them on a second thread
 * ({@code junit-platform.properties}): most of its two minutes are spent waiting for processes to start and stop.
 */
@Execution(ExecutionMode.CONCURRENT)
class LocalStackIT {

    record Door(int port, String path, String client, String wrongClient) {
    }

    static final List<Door> DOORS = List.of(
            new Door(8081, "/api/cases", "caseworker", "finance-1"),
            new Door(8082, "/api/feedback/summary", "operations", "channel"),
            new Door(8083, "/api/notifications", "auditor", "channel"),
            new Door(8084, "/api/claims", "finance-2", "channel"));

    /** Up in about 2 min on an idle 2-core machine; seen beyond 4 min at a load average of 35. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(480);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void stackComesUp_servesEveryDoor_stopsCleanly_andKeepsItsDataAcrossRestarts(@TempDir Path data) throws Exception {
        String caseId;
        try (Launcher stack = Launcher.start(data)) {
            long healthyAfter = stack.awaitUp(START_TIMEOUT);
            // a figure, not an assertion: the 120 s target is measured and reported, never a timed test
            System.out.printf("LOCAL STACK: all four services and the console healthy %.1f s after start (load average %.1f)%n",
                    healthyAfter / 1000.0, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

            for (Door door : DOORS) {
                URI uri = URI.create("http://localhost:" + door.port() + door.path());
                assertThat(get(uri, token(door.client())).statusCode()).as("%s with %s", uri, door.client()).isEqualTo(200);
                HttpResponse<String> wrongRole = get(uri, token(door.wrongClient()));
                assertThat(wrongRole.statusCode()).as("%s with %s", uri, door.wrongClient()).isEqualTo(403);
                assertThat(wrongRole.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                String role = door.client().replaceAll("-\\d$", "");
                TestTokens foreign = TestTokens.get();
                for (String bad : new String[] {null, foreign.expiredToken(role, role), foreign.tokenFromOtherIssuer(role, role),
                        unsignedWithLocalIssuer(role), tamperedRoles(token(door.wrongClient()), role)}) {
                    HttpResponse<String> response = get(uri, bad);
                    assertThat(response.statusCode()).as("%s with %s", uri, bad).isEqualTo(401);
                    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                }
            }

            // the console, started after the services: a page sends the browser to the issuer (code + PKCE)
            HttpResponse<String> console = get(URI.create("http://localhost:8080/cases"), null);
            assertThat(console.statusCode()).isEqualTo(302);
            HttpResponse<String> toIssuer = get(URI.create(console.headers().firstValue("Location").orElseThrow()), null);
            assertThat(toIssuer.headers().firstValue("Location").orElse(""))
                    .startsWith("http://localhost:9000/oauth2/authorize?").contains("code_challenge_method=S256");

            caseId = submitCase(token("channel"));
            awaitStatus(URI.create("http://localhost:8081/api/cases/" + caseId), token("caseworker"), 200, Duration.ofSeconds(30));

            // a quiet start: the two warnings every start used to print are gone (filtered, with the reason beside the filter)
            assertThat(stack.console()).noneMatch(line -> line.contains("adding secondary index"));
            for (String service : ServiceProcesses.SERVICES) {
                assertThat(Files.readString(data.resolve("logs").resolve(service + ".log")))
                        .as("%s log", service).doesNotContain("Failed to locate function");
            }

            // kill -9 of case-service: reported at once, restarted, healthy again, serving tokens, nobody doing anything
            long killed = stack.servicePid("case-service");
            assertThat(new ProcessBuilder("kill", "-9", String.valueOf(killed)).inheritIO().start().waitFor()).isZero();
            stack.awaitLine("case-service (pid " + killed + ") CRASHED: killed by signal 9 (SIGKILL", Duration.ofSeconds(20));
            stack.awaitLine("restarting case-service in 1 s", Duration.ofSeconds(5));
            String healthyAgain = stack.awaitLine("case-service is healthy again", START_TIMEOUT);
            System.out.println("LOCAL STACK: " + healthyAgain);
            long restarted = stack.servicePid("case-service");
            assertThat(restarted).isNotEqualTo(killed);
            HttpResponse<String> afterRestart = get(URI.create("http://localhost:8081/api/cases/" + caseId), token("caseworker"));
            assertThat(afterRestart.statusCode()).as(afterRestart.body()).isEqualTo(200);
            assertThat(afterRestart.body()).contains(caseId);
            assertThat(Files.readString(data.resolve("services.pids"))).contains(restarted + " case-service")
                    .doesNotContain(String.valueOf(killed));

            Command status = pledgeLocal(data, "status");
            assertThat(status.exit()).as(status.output()).isZero();
            assertThat(status.output()).containsPattern("case-service +running +" + restarted + " +yes +1 +1 ")
                    .containsPattern("feedback-service +running +\\d+ +yes +0 +0 ")
                    .contains("last crash of case-service: killed by signal 9", "localhost:9092");

            List<ProcessHandle> tree = stack.tree();
            assertThat(tree).hasSizeGreaterThanOrEqualTo(6); // the launcher, the four services and the console
            stack.stop();
            for (ProcessHandle process : tree) {
                assertThat(process.isAlive()).as("pid %d after stop", process.pid()).isFalse();
            }
        }

        // the second start needs only case-service to find its data (the first start stopped all four services, and
        // `stop` stops whatever runs the same way): three service starts fewer, about 40 s of the build
        try (Launcher again = Launcher.start(data, "--services=case-service")) {
            again.awaitUp(START_TIMEOUT);
            HttpResponse<String> found = get(URI.create("http://localhost:8081/api/cases/" + caseId), token("caseworker"));
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            assertThat(found.body()).contains(caseId);

            // ./pledge-local stop from another terminal: the same as Ctrl-C, and it waits until everything stopped
            List<ProcessHandle> tree = again.tree();
            long start = System.nanoTime();
            Command stop = pledgeLocal(data, "stop");
            System.out.printf("LOCAL STACK: ./pledge-local stop took %.1f s (launcher: %s)%n", (System.nanoTime() - start) / 1e9,
                    stop.output().lines().filter(line -> line.contains("stopped in")).findFirst().orElse("?"));
            assertThat(stop.exit()).as(stop.output()).isZero();
            assertThat(stop.output()).contains("stopped in");
            // within the bound: services 10 s then SIGKILL, infrastructure parts bounded, about 30 s in all
            assertThat(again.process.waitFor(45, TimeUnit.SECONDS)).as("launcher gone after stop").isTrue();
            for (ProcessHandle process : tree) {
                assertThat(process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join().isAlive())
                        .as("pid %d after stop", process.pid()).isFalse();
            }
            Command none = pledgeLocal(data, "status");
            assertThat(none.exit()).as(none.output()).isEqualTo(3);
        }
    }

    record Command(int exit, String output) {
    }

    /** {@code ./pledge-local <command> --data=<data>}, as a user in another terminal runs it. */
    static Command pledgeLocal(Path data, String... command) throws Exception {
        Path root = ServiceProcesses.repositoryRoot();
        List<String> line = new ArrayList<>(List.of("bash", root.resolve("pledge-local").toString()));
        line.addAll(List.of(command));
        line.add("--data=" + data);
        Process process = new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        System.out.printf("$ ./pledge-local %s -> %d%n%s", String.join(" ", command), process.exitValue(), output);
        return new Command(process.exitValue(), output);
    }

    // --- the launcher as a process

    static final class Launcher implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> console = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread reader;
        private final long startedNanos = System.nanoTime();

        private Launcher(Process process) {
            this.process = process;
            reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        System.out.println("[local] " + line);
                        console.add(line);
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // process gone
                }
            }, "local-stack-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Launcher start(Path data, String... options) throws IOException {
            Path root = ServiceProcesses.repositoryRoot();
            Path jar = root.resolve("local/target/local-exec.jar");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString(), "--data=" + data, "--root=" + root, "--service-timeout=240"));
            command.addAll(List.of(options));
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
            return new Launcher(builder.start());
        }

        /** Milliseconds from start until the launcher reports every service healthy. */
        long awaitUp(Duration timeout) {
            awaitLine("Pledge local stack is up", timeout, line -> {
                if (line.contains("NOT healthy")) {
                    throw new AssertionError("local stack: " + line);
                }
            });
            return (System.nanoTime() - startedNanos) / 1_000_000;
        }

        /** Every line the launcher printed so far. */
        List<String> console() {
            synchronized (console) {
                return List.copyOf(console);
            }
        }

        /** Waits for a line containing {@code text} among those not read yet; returns it. */
        String awaitLine(String text, Duration timeout) {
            return awaitLine(text, timeout, line -> { });
        }

        /** As {@link #awaitLine(String, Duration)}, showing every line read on the way to {@code check}. */
        private String awaitLine(String text, Duration timeout, java.util.function.Consumer<String> check) {
            return Eventually.await("a launcher line with \"" + text + "\"", timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    if (!process.isAlive()) {
                        throw new AssertionError("the launcher exited with " + process.exitValue());
                    }
                    return null;
                }
                check.accept(line);
                return line;
            }, line -> line != null && line.contains(text));
        }

        /** The pid of the running process of {@code service}, a child of the launcher. */
        long servicePid(String service) {
            return process.children().filter(child -> child.info().commandLine().orElse("")
                            .contains("-Dpledge.local.service=" + service + " "))
                    .filter(ProcessHandle::isAlive).findFirst().orElseThrow().pid();
        }

        List<ProcessHandle> tree() {
            List<ProcessHandle> all = new ArrayList<>();
            all.add(process.toHandle());
            process.descendants().forEach(all::add);
            return all;
        }

        /**
         * SIGTERM, as {@code kill} would, and wait for the launcher to finish stopping everything. Through the handle:
         * {@link Process#destroy()} would also close our end of its output, and we want to read how it stopped.
         */
        void stop() throws InterruptedException {
            List<ProcessHandle> tree = tree();
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher stopped within 60 s").isTrue();
            for (ProcessHandle handle : tree) {
                handle.onExit().completeOnTimeout(handle, 10, TimeUnit.SECONDS).join();
            }
            reader.join(10_000); // until it has read the launcher's last line
            assertThat(console()).as("the launcher stopped the stack itself").anyMatch(line -> line.contains("pledge-local: stopped in"));
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    // --- HTTP and tokens

    private String token(String client) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:9000/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.JSON.readTree(response.body()).path("access_token").asText();
    }

    /** alg none, with the local issuer, audience and a role: must still be refused. */
    private static String unsignedWithLocalIssuer(String role) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"http://localhost:9000\",\"aud\":[\"pledge\"],\"sub\":\"" + role
                + "\",\"roles\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    /** A real token whose claims were edited to grant {@code role}: the signature no longer matches. */
    private static String tamperedRoles(String token, String role) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceAll("\"roles\":\\[[^]]*]", "\"roles\":[\"" + role + "\"]");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private HttpResponse<String> get(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String submitCase(String token) throws Exception {
        String key = UUID.randomUUID().toString();
        Api.Response response = Api.post(URI.create("http://localhost:8081/api/cases"), token, """
                {"serviceType":"PASSPORT","channel":"WEB",
                 "applicant":{"reference":"ref-local","name":"Local Person","email":"local@example.org",
                              "language":"en-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"}}
                """, Map.of("Idempotency-Key", key));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("caseId").asText();
    }

    private void awaitStatus(URI uri, String token, int status, Duration timeout) {
        Eventually.await(uri + " answering " + status, timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> get(uri, token).statusCode(), answered -> answered == status);
    }
}
