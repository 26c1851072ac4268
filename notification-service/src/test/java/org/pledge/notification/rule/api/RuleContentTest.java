package org.pledge.notification.rule.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledge.notification.template.api.Trigger;

class RuleContentTest {

    @Test
    void conditions_holdOnly_whenEveryValueIsExactlyEqual() {
        RuleContent rule = new RuleContent(Trigger.SERVICE_STANDARD_BREACHED, Map.of("guaranteed", "true"), "standard-breached-guaranteed",
                true);

        assertThat(rule.holdsFor(Map.of("guaranteed", "true", "caseId", "c-1"))).isTrue();
        assertThat(rule.holdsFor(Map.of("guaranteed", "false"))).isFalse();
        assertThat(rule.holdsFor(Map.of("guaranteed", "TRUE"))).isFalse();
        assertThat(rule.holdsFor(Map.of())).isFalse(); // an absent value never equals
    }

    @Test
    void noConditions_holdForEveryEvent() {
        assertThat(new RuleContent(Trigger.CASE_SUBMITTED, null, "case-submitted", true).holdsFor(Map.of())).isTrue();
    }
}
