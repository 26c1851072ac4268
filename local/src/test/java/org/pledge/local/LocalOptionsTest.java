package org.pledge.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalOptionsTest {

    @Test
    void defaults_putTheDataUnderTheRepositoryRoot_andStartAllServices(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("local/target"));
        Path nested = Files.createDirectories(root.resolve("case-service/src"));

        LocalOptions fromCwd = LocalOptions.parse(new String[0], name -> null, nested, null);
        LocalOptions fromJar = LocalOptions.parse(new String[0], name -> null, Path.of("/"), root.resolve("local/target/local-exec.jar"));

        assertThat(fromCwd.root()).isEqualTo(root.toAbsolutePath());
        assertThat(fromJar.root()).isEqualTo(root.toAbsolutePath());
        assertThat(fromCwd.data()).isEqualTo(root.resolve(".pledge").toAbsolutePath());
        assertThat(fromCwd.services()).extracting(ServiceSpec::name)
                .containsExactly("case-service", "feedback-service", "notification-service", "guarantee-service", "console");
        assertThat(fromCwd.serviceTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(fromCwd.ports()).isEqualTo(LocalOptions.Ports.DEFAULT);
    }

    @Test
    void optionsAndEnvironment_overrideTheDefaults(@TempDir Path cwd) {
        Map<String, String> env = Map.of("PLEDGE_DATA", "/tmp/from-env", "PLEDGE_SERVICE_TIMEOUT", "90",
                "PLEDGE_SMS_CALLBACK_SECRET", "s1", "PLEDGE_SERVICE_JAVA_OPTS", "-Xmx256m",
                "PLEDGE_SURVEYS_TOKEN_SECRET", "a-survey-link-key-of-at-least-32-bytes");

        LocalOptions fromEnv = LocalOptions.parse(new String[0], env::get, cwd, null);
        LocalOptions fromArgs = LocalOptions.parse(new String[]{"--data=mine", "--infra-only", "--service-timeout=30"}, env::get, cwd, null);
        LocalOptions subset = LocalOptions.parse(new String[]{"--services=guarantee-service,case-service"}, name -> null, cwd, null);

        assertThat(fromEnv.data()).isEqualTo(Path.of("/tmp/from-env"));
        assertThat(fromEnv.serviceTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(fromEnv.secrets().sms()).isEqualTo("s1");
        assertThat(fromEnv.secrets().payments()).isEqualTo("payments-sandbox-secret");
        assertThat(fromEnv.secrets().surveyLinks()).isEqualTo("a-survey-link-key-of-at-least-32-bytes");
        assertThat(fromArgs.secrets().surveyLinks()).isEqualTo("a-survey-link-key-of-at-least-32-bytes");
        assertThat(subset.secrets().surveyLinks()).isEqualTo(LocalOptions.DEFAULT_SURVEY_LINK_KEY).hasSizeGreaterThanOrEqualTo(32);
        assertThat(fromEnv.jvmOptions()).isEqualTo("-Xmx256m");
        assertThat(fromArgs.data()).isEqualTo(cwd.resolve("mine").toAbsolutePath());
        assertThat(fromArgs.services()).isEmpty();
        assertThat(fromArgs.serviceTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(subset.services()).extracting(ServiceSpec::name).containsExactly("guarantee-service", "case-service");
        assertThat(LocalOptions.parse(new String[]{"--no-services"}, name -> null, cwd, null).services()).isEmpty();
    }

    @Test
    void unknownOptionsAndServices_areRefused(@TempDir Path cwd) {
        assertThatThrownBy(() -> LocalOptions.parse(new String[]{"--colour"}, name -> null, cwd, null))
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> LocalOptions.parse(new String[]{"--services=billing"}, name -> null, cwd, null))
                .hasMessageContaining("unknown service billing");
        assertThat(List.of(LocalOptions.USAGE.split("\n"))).anyMatch(line -> line.contains("--infra-only"));
    }

    @Test
    void portOffset_movesEveryPort_andCommandsForARunningLauncherAreRecognised(@TempDir Path cwd) {
        LocalOptions shifted = LocalOptions.parse(new String[]{"--port-offset=10000"}, name -> null, cwd, null);
        LocalOptions fromEnv = LocalOptions.parse(new String[0], Map.of("PLEDGE_PORT_OFFSET", "5")::get, cwd, null);
        LocalOptions restart = LocalOptions.parse(new String[]{"restart", "case-service", "--data=d"}, name -> null, cwd, null);

        assertThat(shifted.ports()).isEqualTo(new LocalOptions.Ports(19092, 37017, 19000, 12525, 19100, 19101, 19102));
        assertThat(shifted.services()).extracting(ServiceSpec::port).containsExactly(18081, 18082, 18083, 18084, 18080);
        assertThat(shifted.services().get(0).arguments(shifted.ports(), shifted.secrets(), 1, Path.of("/data")))
                .contains("--server.port=18081", "--pledge.security.issuer-uri=http://localhost:19000",
                        "--spring.data.mongodb.uri=mongodb://localhost:37017/pledge-case");
        assertThat(shifted.services().get(2).arguments(shifted.ports(), shifted.secrets(), 1, Path.of("/data")))
                .contains("--pledge.sms.base-url=http://localhost:19101", "--pledge.sms.callback-url=http://localhost:18083/api/callbacks/sms");
        assertThat(shifted.services().get(1).arguments(shifted.ports(), shifted.secrets(), 1, Path.of("/data")))
                .contains("--server.port=18082", "--pledge.surveys.link-base-url=http://localhost:18082/surveys/");
        assertThat(fromEnv.ports().kafka()).isEqualTo(9097);
        assertThat(shifted.command()).isEmpty();
        assertThat(restart.command()).containsExactly("restart", "case-service");
        assertThat(restart.data()).isEqualTo(cwd.resolve("d").toAbsolutePath());
        assertThat(LocalOptions.parse(new String[]{"status"}, name -> null, cwd, null).command()).containsExactly("status");
        assertThatThrownBy(() -> LocalOptions.parse(new String[]{"restart"}, name -> null, cwd, null))
                .hasMessageContaining("restart needs the name of a service");
        assertThatThrownBy(() -> LocalOptions.parse(new String[]{"stop", "now"}, name -> null, cwd, null))
                .hasMessageContaining("unknown command stop now");
        assertThatThrownBy(() -> LocalOptions.parse(new String[]{"start"}, name -> null, cwd, null))
                .hasMessageContaining("unknown command start");
        assertThatThrownBy(() -> LocalOptions.parse(new String[]{"--port-offset=40000"}, name -> null, cwd, null))
                .hasMessageContaining("--port-offset must be between 0 and 38518");
    }
}
