package org.pledge.local;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.local.process.Supervised;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service part of the stack, with fake service jars (see {@link FakeService}) on free ports. */
class LocalStackServicesIT {

    static void fakeJar(Path root, String service) throws Exception {
        Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = root.resolve(service).resolve("target").resolve(service + "-exec.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is all it takes
        }
    }

    static LocalOptions options(Path root, List<ServiceSpec> services, LocalOptions.Ports ports) {
        return LocalOptions.parse(new String[]{"--data=" + root.resolve("data"), "--root=" + root, "--service-timeout=60"},
                name -> null, root, null).withPorts(ports).withServices(services);
    }

    @Test
    void services_areStartedWithTheLocalInfrastructure_andStoppedWithTheStack(@TempDir Path root) throws Exception {
        fakeJar(root, "case-service");
        LocalOptions.Ports ports = LocalStackIT.freePorts();
        ServiceSpec caseService = new ServiceSpec("case-service", TestPorts.next(), "pledge-case");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LocalStack stack = new LocalStack(options(root, List.of(caseService), ports), new PrintStream(console, true));
        Supervised child;
        try (stack) {
            stack.start();
            child = stack.services().get(0);
            assertThat(child.isAlive()).isTrue();
            String log = Files.readString(root.resolve("data/logs/case-service.log"));
            assertThat(log).contains(
                    "--server.port=" + caseService.port(),
                    "--spring.data.mongodb.uri=mongodb://localhost:" + ports.mongo() + "/pledge-case",
                    "--spring.kafka.bootstrap-servers=localhost:" + ports.kafka(),
                    "--pledge.security.issuer-uri=http://localhost:" + ports.issuer(),
                    "--pledge.local.parent-pid=" + ProcessHandle.current().pid(),
                    "fake case-service up");
            assertThat(console.toString()).contains("case-service healthy after");
            assertThat(Files.readString(root.resolve("data/services.pids"))).contains(child.pid() + " case-service");
        }
        assertThat(root.resolve("data/services.pids")).doesNotExist();
        assertThat(child.process().toHandle().isAlive()).isFalse();
        assertThat(ProcessHandle.of(child.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Http.portFree(caseService.port())).isTrue();
    }

    @Test
    void service_isReportedWithItsLogAndEverythingStops_whenItDiesAtStart(@TempDir Path root) throws Exception {
        fakeJar(root, "case-service");
        fakeJar(root, "feedback-service");
        LocalOptions.Ports ports = LocalStackIT.freePorts();
        List<ServiceSpec> services = List.of(new ServiceSpec("case-service", TestPorts.next(), "pledge-case"),
                new ServiceSpec("feedback-service", TestPorts.next(), "pledge-feedback"));
        LocalStack stack = new LocalStack(options(root, services, ports), new PrintStream(new ByteArrayOutputStream(), true));

        assertThatThrownBy(stack::start).isInstanceOf(LocalStack.StartFailure.class)
                .hasMessageContaining("not healthy: feedback-service");

        assertThat(stack.services()).hasSize(2).noneMatch(Supervised::isAlive);
        assertThat(Files.readString(root.resolve("data/logs/feedback-service.log"))).contains("boom");
        assertThat(ports.named().values()).allMatch(Http::portFree);
    }

    // ---------------------------------------------------------------- supervision and control

    /** What a command run in another process printed, and its exit code. */
    record Run(int exit, String output) {
    }

    /** {@code java -jar target/local-exec.jar <words> --data=<data>}: the launcher jar as {@code ./pledge-local <words>} runs it. */
    static Run control(Path data, String... words) throws Exception {
        Path jar = Path.of("target", "local-exec.jar").toAbsolutePath();
        assertThat(jar).as("the launcher jar (packaged before the integration tests)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(words));
        command.add("--data=" + data);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("%s finished", List.of(words)).isTrue();
        System.out.printf("$ pledge-local %s -> %d%n%s", String.join(" ", words), process.exitValue(), output);
        return new Run(process.exitValue(), output);
    }

    static void kill9(long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start().waitFor()).isZero();
    }

    static void awaitConsole(ByteArrayOutputStream console, String text, Duration timeout) {
        Awaitility.await("\"" + text + "\" on the console").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(console.toString(StandardCharsets.UTF_8)).contains(text));
    }

    static boolean healthy(ServiceSpec service) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.healthUrl()))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void service_isReportedAtOnceAndRestartedAndThePidFileFollows_whenKilledWithSigkill(@TempDir Path root) throws Exception {
        fakeJar(root, "case-service");
        ServiceSpec caseService = new ServiceSpec("case-service", TestPorts.next(), "pledge-case");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (LocalStack stack = new LocalStack(options(root, List.of(caseService), LocalStackIT.freePorts()),
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            stack.start();
            Supervised child = stack.services().get(0);
            long first = child.pid();

            kill9(first);

            awaitConsole(console, "case-service is healthy again", Duration.ofSeconds(60));
            long second = child.pid();
            assertThat(second).isNotEqualTo(first);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains(
                    "pledge-local: case-service (pid " + first + ") CRASHED: killed by signal 9 (SIGKILL, exit code 137)",
                    "fake case-service up on " + caseService.port(), // the end of its log
                    "pledge-local: restarting case-service in 1 s (crash 1 in a row)",
                    "pledge-local: case-service started again (pid " + second + ", restart 1)",
                    "pledge-local: case-service is healthy again (pid " + second + ")");
            assertThat(healthy(caseService)).isTrue();
            assertThat(Files.readString(root.resolve("data/services.pids"))).isEqualTo(second + " case-service\n");
            assertThat(child.crashes()).isEqualTo(1);
        }
    }

    @Test
    void statusRestartAndStop_workFromAnotherProcess(@TempDir Path root) throws Exception {
        fakeJar(root, "case-service");
        LocalOptions.Ports ports = LocalStackIT.freePorts();
        ServiceSpec caseService = new ServiceSpec("case-service", TestPorts.next(), "pledge-case");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path data = root.resolve("data");
        LocalStack stack = new LocalStack(options(root, List.of(caseService), ports), new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            stack.start();
            Supervised child = stack.services().get(0);
            long first = child.pid();

            Run status = control(data, "status");
            assertThat(status.exit()).isZero();
            assertThat(status.output()).containsPattern("case-service +running +" + first + " +yes +0 +0 ")
                    .contains("Kafka", "localhost:" + ports.kafka(), "pid " + ProcessHandle.current().pid());

            Run restart = control(data, "restart", "case-service");
            long second = child.pid();
            assertThat(restart.exit()).isZero();
            assertThat(second).isNotEqualTo(first);
            assertThat(restart.output()).contains("restarting case-service (pid " + first + ")",
                    "case-service is healthy (pid " + second + ")");
            assertThat(ProcessHandle.of(first).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(healthy(caseService)).isTrue();
            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("CRASHED")
                    .contains("restarting case-service (pid " + first + ") on request");
            assertThat(child.crashes()).isZero();
            assertThat(Files.readString(data.resolve("services.pids"))).isEqualTo(second + " case-service\n");
            assertThat(control(data, "status").output()).containsPattern("case-service +running +" + second + " +yes +1 +0 ");

            Run unknown = control(data, "restart", "billing-service");
            assertThat(unknown.exit()).isEqualTo(2);
            assertThat(unknown.output()).contains("billing-service is not a service of this launcher; it runs: case-service");

            Run stop = control(data, "stop");
            assertThat(stop.exit()).isZero();
            assertThat(stop.output()).contains("stopping the launcher", "stopped in");
            assertThat(child.isAlive()).isFalse();
            assertThat(ports.named().values()).allMatch(Http::portFree);
            assertThat(Http.portFree(caseService.port())).isTrue();
            assertThat(data.resolve("services.pids")).doesNotExist();

            Run afterStop = control(data, "status");
            assertThat(afterStop.exit()).isEqualTo(3);
            assertThat(afterStop.output()).contains("no launcher is running with the data folder " + data);
        } finally {
            stack.close();
        }
    }
}
