package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** registry/repository:tag, the tag defaulting to appVersion; a digest wins over the tag; per-service overrides. */
class ImageReferenceTest {

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    private static Map<String, String> images(Map<String, ?> sets) {
        return Charts.ofType(Charts.render(sets, Charts.REQUIRED), Deployment.class).stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(),
                        d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()));
    }

    private static String appVersion() throws IOException {
        return Files.readAllLines(Charts.CHART.resolve("Chart.yaml")).stream()
                .filter(l -> l.startsWith("appVersion:")).findFirst().orElseThrow()
                .substring("appVersion:".length()).trim().replace("\"", "");
    }

    @Test
    void image_isRegistryRepositoryAndAppVersion_byDefault() throws IOException {
        Map<String, String> images = images(Map.of());

        assertThat(images).containsEntry("pledge-case-service", "ghcr.io/pledge/case-service:" + appVersion())
                .containsEntry("pledge-console", "ghcr.io/pledge/console:" + appVersion())
                .hasSize(5);
    }

    @Test
    void digest_winsOverTheTag() {
        Map<String, String> images = images(Map.of("image.tag", "1.2.3", "image.digest", DIGEST,
                "image.registry", "registry.example.org"));

        assertThat(images.values()).allSatisfy(i -> assertThat(i).startsWith("registry.example.org/pledge/")
                .endsWith("@" + DIGEST).doesNotContain(":1.2.3"));
    }

    @Test
    void oneService_takesItsOwnTagOrDigest_andTheOthersKeepTheShared() {
        Map<String, String> images = images(Map.of("image.tag", "1.2.3", "services.case.image.digest", DIGEST,
                "services.console.image.tag", "1.2.4", "services.console.image.registry", "mirror.example.org"));

        assertThat(images).containsEntry("pledge-case-service", "ghcr.io/pledge/case-service@" + DIGEST)
                .containsEntry("pledge-console", "mirror.example.org/pledge/console:1.2.4")
                .containsEntry("pledge-feedback-service", "ghcr.io/pledge/feedback-service:1.2.3");
    }

    @Test
    void image_hasNoRegistryPrefix_whenTheRegistryIsEmpty() {
        assertThat(images(Map.of("image.registry", "", "image.tag", "1.2.3")))
                .containsEntry("pledge-guarantee-service", "pledge/guarantee-service:1.2.3");
    }
}
