package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each mandatory reference, left out of values-required.yaml, fails the render with a `required` message naming it. */
class RequiredReferencesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "kafka.bootstrapServers",
            "mongodb.existingSecret",
            "oidc.issuerUri",
            "oidc.jwkSetUri",
            "privacy.existingSecret",
            "audit.existingSecret",
            "services.feedback.surveys.linkBaseUrl",
            "services.feedback.surveys.existingSecret",
            "services.notification.smtp.host",
            "services.notification.sms.baseUrl",
            "services.notification.sms.existingSecret",
            "services.guarantee.payments.baseUrl",
            "services.guarantee.payments.callbackUrl",
            "services.guarantee.payments.existingSecret",
            "services.guarantee.transfers.debtorName",
            "services.guarantee.transfers.debtorIban",
            "services.guarantee.transfers.debtorBic",
            "services.console.oidc.existingSecret"})
    void missingReference_failsWithARequiredMessageNamingIt(String property) {
        assertThatThrownBy(() -> Charts.template(Map.of(property, ""), Charts.REQUIRED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(property + " is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka.topics.strimzi.cluster", "services.console.ingress.host"})
    void optionalPartSwitchedOn_needsItsReference(String property) {
        Map<String, Object> sets = new HashMap<>(Map.of("kafka.topics.strimzi.enabled", true,
                "kafka.topics.strimzi.cluster", "pledge-kafka", "services.console.ingress.enabled", true,
                "services.console.ingress.host", "console.example.org"));
        sets.put(property, "");

        assertThatThrownBy(() -> Charts.template(sets, Charts.REQUIRED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(property + " is required");
    }

    @Test
    void ingressOfAServiceWithoutPublicPaths_needsPathsNamed() {
        assertThatThrownBy(() -> Charts.template(Map.of("services.case.ingress.enabled", true,
                "services.case.ingress.host", "cases.example.org"), Charts.REQUIRED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("services.case.ingress.paths is required when its ingress is enabled");
    }
}
