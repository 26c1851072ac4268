package org.pledge.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceSpecTest {

    private static final Path DATA = Path.of("/home/me/pledge/.pledge");

    static ServiceSpec spec(String name) {
        return ServiceSpec.ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachService_getsItsPortDatabaseAndTheLocalInfrastructure() {
        LocalOptions.Secrets secrets = new LocalOptions.Secrets("sms-s", "pay-s");
        List<String> args = spec("case-service").arguments(LocalOptions.Ports.DEFAULT, secrets, 4242, DATA);

        assertThat(args).containsExactly(
                "--server.port=8081",
                "--spring.data.mongodb.uri=mongodb://localhost:27017/pledge-case",
                "--spring.cloud.stream.kafka.binder.brokers=localhost:9092",
                "--spring.kafka.bootstrap-servers=localhost:9092",
                "--pledge.security.issuer-uri=http://localhost:9000",
                "--pledge.security.jwk-set-uri=http://localhost:9000/oauth2/jwks",
                "--pledge.security.audiences=pledge",
                "--pledge.privacy.dev-key=true",
                "--pledge.audit.dev-key=true",
                "--pledge.local.parent-pid=4242",
                "--spring.mail.host=localhost",
                "--spring.mail.port=2525");
        assertThat(spec("notification-service").arguments(LocalOptions.Ports.DEFAULT, secrets, 1, DATA))
                .contains("--server.port=8083", "--spring.data.mongodb.uri=mongodb://localhost:27017/pledge-notification",
                        "--pledge.sms.base-url=http://localhost:9101", "--pledge.sms.callback-secret=sms-s",
                        "--pledge.sms.callback-url=http://localhost:8083/api/callbacks/sms",
                        "--pledge.letters.outbox-dir=" + DATA.resolve("letters"), "--pledge.email.rate-limit=100")
                .noneMatch(arg -> arg.startsWith("--pledge.payments"));
        assertThat(spec("guarantee-service").arguments(LocalOptions.Ports.DEFAULT, secrets, 1, DATA))
                .contains("--server.port=8084", "--spring.data.mongodb.uri=mongodb://localhost:27017/pledge-guarantee",
                        "--pledge.payments.base-url=http://localhost:9102", "--pledge.payments.callback-secret=pay-s",
                        "--pledge.payments.callback-url=http://localhost:8084/callbacks/payments");
        assertThat(spec("feedback-service").arguments(LocalOptions.Ports.DEFAULT, secrets, 1, DATA))
                .contains("--server.port=8082", "--spring.data.mongodb.uri=mongodb://localhost:27017/pledge-feedback",
                        "--pledge.surveys.link-base-url=http://localhost:8082/surveys/", "--pledge.surveys.token-keys[0].id=local",
                        "--pledge.surveys.token-keys[0].secret=" + LocalOptions.DEFAULT_SURVEY_LINK_KEY)
                .noneMatch(arg -> arg.startsWith("--pledge.sms") || arg.startsWith("--pledge.payments"));
        assertThat(spec("notification-service").arguments(LocalOptions.Ports.DEFAULT, secrets, 1, DATA))
                .noneMatch(arg -> arg.startsWith("--pledge.surveys"));
    }

    @Test
    void console_startsLast_pointedAtIssuerAndTheFourServices_withPortOffset() {
        LocalOptions.Secrets secrets = new LocalOptions.Secrets("sms-s", "pay-s");
        ServiceSpec console = spec("console").withPort(18080);
        LocalOptions.Ports shifted = LocalOptions.Ports.DEFAULT.plus(10000);

        assertThat(ServiceSpec.ALL.get(ServiceSpec.ALL.size() - 1).name()).isEqualTo("console");
        assertThat(console.arguments(shifted, secrets, 7, DATA)).containsExactly(
                "--server.port=18080",
                "--spring.security.oauth2.client.provider.pledge.issuer-uri=http://localhost:19000",
                "--pledge.local.parent-pid=7",
                "--pledge.console.services.case-service=http://localhost:18081",
                "--pledge.console.services.feedback-service=http://localhost:18082",
                "--pledge.console.services.notification-service=http://localhost:18083",
                "--pledge.console.services.guarantee-service=http://localhost:18084");
        assertThat(ServiceSpec.consoleUri(shifted)).isEqualTo("http://localhost:18080");
        assertThat(ServiceSpec.consoleUri(LocalOptions.Ports.DEFAULT)).isEqualTo("http://localhost:8080");
        assertThat(console.jar(Path.of("/repo"))).isEqualTo(Path.of("/repo/console/target/console-exec.jar"));
        assertThat(console.healthUrl()).isEqualTo("http://localhost:18080/actuator/health");
    }

    @Test
    void command_runsTheExecJarWithASmallHeap() {
        ServiceSpec feedback = spec("feedback-service");
        Path jar = feedback.jar(Path.of("/repo"));
        List<String> command = feedback.command(Path.of("/jdk/bin/java"), ServiceSpec.DEFAULT_JVM_OPTIONS, jar, List.of("--a=b"));

        assertThat(jar).isEqualTo(Path.of("/repo/feedback-service/target/feedback-service-exec.jar"));
        assertThat(command.get(0)).isEqualTo("/jdk/bin/java");
        assertThat(command).contains("-Xmx384m").containsSubsequence("-jar", jar.toString(), "--a=b");
        assertThat(feedback.healthUrl()).isEqualTo("http://localhost:8082/actuator/health");
    }
}
