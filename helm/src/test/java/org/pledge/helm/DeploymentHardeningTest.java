package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Deployment, in both renders: probes, sizing, the restricted security context and no literal secret. */
class DeploymentHardeningTest {

    /** Names of environment variables that carry a credential, a key or a connection string with one. */
    private static final Pattern CREDENTIAL = Pattern.compile(".*(SECRET|PASSWORD|USERNAME|TOKEN|KEY|MONGODB_URI).*");

    static Stream<Arguments> deployments() {
        return Stream.of(Charts.renderRequired(), Charts.renderEverything())
                .flatMap(objects -> Charts.ofType(objects, Deployment.class).stream())
                .map(d -> Arguments.of(d.getMetadata().getName(), d));
    }

    private static Container container(Deployment deployment) {
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void deployment_hasStartupLivenessAndReadinessProbesOnTheHealthGroups(String name, Deployment deployment) {
        Container c = container(deployment);

        assertProbe(c.getStartupProbe(), "/actuator/health/liveness");
        assertProbe(c.getLivenessProbe(), "/actuator/health/liveness");
        assertProbe(c.getReadinessProbe(), "/actuator/health/readiness");
        assertThat(c.getStartupProbe().getFailureThreshold() * c.getStartupProbe().getPeriodSeconds())
                .as("seconds a slow start may take").isGreaterThanOrEqualTo(120);
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void deployment_hasCpuAndMemoryRequestsAndLimits(String name, Deployment deployment) {
        Container c = container(deployment);

        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(c.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void deployment_runsRestricted_nonRootReadOnlyNoEscalationNoCapabilities(String name, Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container c = container(deployment);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(c.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("tmp");
            assertThat(v.getEmptyDir()).isNotNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void deployment_outlastsTheGracefulShutdown_andRollsOnAConfigChange(String name, Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();

        // platform: spring.lifecycle.timeout-per-shutdown-phase=45s
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(45L);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config"))
                .matches("[0-9a-f]{64}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void deployment_takesEveryCredentialFromASecretKeyRef_neverAsAValue(String name, Deployment deployment) {
        List<EnvVar> env = container(deployment).getEnv();

        assertThat(env).filteredOn(e -> CREDENTIAL.matcher(e.getName()).matches()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getValue()).as(e.getName()).isNull();
            assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName()).isNotNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).as(e.getName()).isNotBlank();
        });
        assertThat(env).filteredOn(e -> e.getValue() != null)
                .allSatisfy(e -> assertThat(e.getValue()).doesNotContainIgnoringCase("secret")
                        .doesNotContain("mongodb://").doesNotContain("BEGIN PRIVATE KEY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void configMap_holdsNoSecret(String name, Deployment deployment) {
        ConfigMap config = Charts.ofType(Charts.renderEverything(), ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(name)).findFirst().orElseThrow();

        assertThat(config.getData().get("application.yaml"))
                .doesNotContainPattern("(?i)(secret|password|master-key|username)\\s*:")
                .doesNotContain("mongodb://");
    }
}
