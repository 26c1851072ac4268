package org.pledge.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.local.process.Supervised;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void services_are_started_with_the_local_infrastructure_and_stopped_with_the_stack(@TempDir Path root) throws Exception {
        fakeJar(root, "case-service");
        LocalOptions.Ports ports = LocalStackIT.freePorts();
        ServiceSpec caseService = new ServiceSpec("case-service", Http.freePort(), "pledge-case");
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
    void a_service_that_dies_at_start_is_reported_with_its_log_and_everything_is_stopped(@TempDir Path root) throws Exception {
        fakeJar(root, "case-service");
        fakeJar(root, "feedback-service");
        LocalOptions.Ports ports = LocalStackIT.freePorts();
        List<ServiceSpec> services = List.of(new ServiceSpec("case-service", Http.freePort(), "pledge-case"),
                new ServiceSpec("feedback-service", Http.freePort(), "pledge-feedback"));
        LocalStack stack = new LocalStack(options(root, services, ports), new PrintStream(new ByteArrayOutputStream(), true));

        assertThatThrownBy(stack::start).isInstanceOf(LocalStack.StartFailure.class)
                .hasMessageContaining("not healthy: feedback-service");

        assertThat(stack.services()).hasSize(2).noneMatch(Supervised::isAlive);
        assertThat(Files.readString(root.resolve("data/logs/feedback-service.log"))).contains("boom");
        assertThat(ports.named().values()).allMatch(Http::portFree);
    }
}
