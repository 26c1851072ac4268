package org.pledge.notification.contact.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.pledge.notification.contact.api.NewestStatement.Source;

class NewestStatementTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T14:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T09:30:00Z");

    @Test
    void newest_isThePreference_whenItWasSetAfterTheCaseWasSubmitted() {
        assertThat(NewestStatement.of("fr-CA", MONDAY, "en", TUESDAY)).isEqualTo("en");
        assertThat(NewestStatement.sourceOf("fr-CA", MONDAY, "en", TUESDAY)).isEqualTo(Source.PREFERENCE);
    }

    @Test
    void newest_isTheCase_whenItWasSubmittedAfterThePreferenceWasSet() {
        assertThat(NewestStatement.of("fr-CA", TUESDAY, "en", MONDAY)).isEqualTo("fr-CA");
        assertThat(NewestStatement.sourceOf("fr-CA", TUESDAY, "en", MONDAY)).isEqualTo(Source.CASE);
    }

    @Test
    void newest_isThePreference_whenBothWereStatedAtTheSameInstant() {
        assertThat(NewestStatement.of("fr-CA", MONDAY, "en", MONDAY)).isEqualTo("en");
    }

    @Test
    void newest_keepsThePreference_whenANewerCaseStatesNothing() {
        assertThat(NewestStatement.of(null, TUESDAY, "en", MONDAY)).isEqualTo("en");
        assertThat(NewestStatement.sourceOf(null, TUESDAY, "en", MONDAY)).isEqualTo(Source.PREFERENCE);
    }

    @Test
    void newest_isTheCase_whenNoPreferenceWasSet_andNothing_whenNeitherStatesOne() {
        assertThat(NewestStatement.of("fr-CA", MONDAY, null, null)).isEqualTo("fr-CA");
        assertThat(NewestStatement.of(null, MONDAY, null, null)).isNull();
        assertThat(NewestStatement.sourceOf(null, MONDAY, null, null)).isNull();
    }
}
