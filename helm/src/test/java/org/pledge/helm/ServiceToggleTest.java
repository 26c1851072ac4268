package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service is enabled on its own: switching one off removes exactly its objects and leaves the others'. */
class ServiceToggleTest {

    @ParameterizedTest
    @ValueSource(strings = {"case", "feedback", "notification", "guarantee", "console"})
    void disablingOneService_removesExactlyItsObjects(String key) {
        String component = Charts.COMPONENTS.get(key);
        List<HasMetadata> all = Charts.renderEverything();
        List<HasMetadata> without = Charts.render(Map.of("services." + key + ".enabled", false),
                Charts.REQUIRED, Charts.EVERYTHING);

        Set<String> removed = new TreeSet<>(Charts.kindsAndNames(all));
        removed.removeAll(Charts.kindsAndNames(without));
        Set<String> its = Charts.kindsAndNames(all.stream()
                .filter(o -> component.equals(o.getMetadata().getLabels().get("app.kubernetes.io/component"))).toList());

        assertThat(its).isNotEmpty();
        assertThat(removed).isEqualTo(its);
        assertThat(Charts.kindsAndNames(all)).containsAll(Charts.kindsAndNames(without));
    }

    @ParameterizedTest
    @ValueSource(strings = {"feedback", "notification", "guarantee", "console"})
    void aDisabledService_needsNoneOfItsOwnReferences(String key) {
        // values-required.yaml without the service's own block: nothing of it is asked for once it is off
        String rendered = Charts.template(Map.of("services." + key + ".enabled", false,
                "services.feedback.surveys.existingSecret", key.equals("feedback") ? "" : "pledge-surveys",
                "services.notification.sms.baseUrl", key.equals("notification") ? "" : "https://sms.example.org",
                "services.guarantee.payments.existingSecret", key.equals("guarantee") ? "" : "pledge-payments",
                "services.console.oidc.existingSecret", key.equals("console") ? "" : "pledge-console"),
                Charts.REQUIRED);

        assertThat(rendered).doesNotContain("name: pledge-" + Charts.COMPONENTS.get(key) + "\n");
    }
}
