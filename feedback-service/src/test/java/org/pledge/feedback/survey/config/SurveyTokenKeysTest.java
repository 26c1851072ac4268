package org.pledge.feedback.survey.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pledge.feedback.survey.config.SurveyProperties.TokenKey;
import org.pledge.feedback.survey.token.SurveyTokens;
import org.springframework.boot.diagnostics.FailureAnalysis;

class SurveyTokenKeysTest {

    private static final String SECRET = "a-production-secret-of-32-characters-at-least";

    @Test
    void resolve_failsStartUp_whenNoKeyIsConfigured_andNoDevKey() {
        assertThatThrownBy(() -> SurveyTokenKeys.resolve(properties(List.of(), false)))
                .isInstanceOf(SurveyTokenKeys.MissingSurveyTokenKeyException.class)
                .hasMessageContaining("pledge.surveys.token-keys").hasMessageContaining("pledge.surveys.dev-key=true");
    }

    @Test
    void resolve_failsStartUp_whenAKeyIsUnusable_withoutNamingItsSecret() {
        assertThatThrownBy(() -> SurveyTokenKeys.resolve(properties(List.of(new TokenKey("k1", "too-short")), true)))
                .isInstanceOf(SurveyTokenKeys.MissingSurveyTokenKeyException.class)
                .hasMessageContaining("k1").message().doesNotContain("too-short");
    }

    @Test
    void resolve_usesTheDevelopmentKey_onlyWithoutConfiguredKeys() {
        assertThat(SurveyTokenKeys.resolve(properties(List.of(), true)).signingKeyId()).isEqualTo(SurveyTokenKeys.DEV_KEY_ID);

        SurveyTokens configured = SurveyTokenKeys.resolve(properties(List.of(new TokenKey("2026-09", SECRET),
                new TokenKey("2026-03", SECRET + "-old")), true));
        assertThat(configured.signingKeyId()).isEqualTo("2026-09");
        assertThat(configured.knows("2026-03")).isTrue();
        assertThat(configured.knows(SurveyTokenKeys.DEV_KEY_ID)).isFalse();
    }

    @Test
    void failureAnalysis_saysWhatToSet() {
        FailureAnalysis analysis = new MissingSurveyTokenKeyFailureAnalyzer()
                .analyze(new SurveyTokenKeys.MissingSurveyTokenKeyException("No key"));

        assertThat(analysis.getAction()).contains("pledge.surveys.token-keys[0].secret").contains("pledge.surveys.dev-key=true");
    }

    @Test
    void properties_neverShowASecret() {
        assertThat(properties(List.of(new TokenKey("k1", SECRET)), false).toString()).contains("k1").doesNotContain(SECRET);
    }

    private static SurveyProperties properties(List<TokenKey> keys, boolean devKey) {
        return new SurveyProperties("http://localhost:8082/surveys/", Duration.ofDays(14), false, keys, devKey);
    }
}
