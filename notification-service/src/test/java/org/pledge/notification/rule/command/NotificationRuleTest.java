package org.pledge.notification.rule.command;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.notification.rule.api.NotificationRuleSavedEvent;
import org.pledge.notification.rule.api.RuleContent;
import org.pledge.notification.rule.api.SaveNotificationRuleCommand;
import org.pledge.notification.template.api.TemplateCatalog;
import org.pledge.notification.template.api.Trigger;
import org.pledge.platform.axon.CommandTargets;

class NotificationRuleTest {

    private static final Instant NOW = Instant.parse("2027-01-04T15:00:00Z");
    private static final String RULE = "case-resolved-approved";

    /** A hand-written catalogue: case-approved is complete, case-approved-draft lacks its French SMS and letter. */
    private final Map<String, TemplateCatalog.TemplateOutline> outlines = new HashMap<>(Map.of(
            "case-approved", new TemplateCatalog.TemplateOutline("case-approved", Trigger.CASE_RESOLVED, List.of()),
            "case-approved-draft", new TemplateCatalog.TemplateOutline("case-approved-draft", Trigger.CASE_RESOLVED,
                    List.of("fr/SMS", "fr/LETTER")),
            "case-submitted", new TemplateCatalog.TemplateOutline("case-submitted", Trigger.CASE_SUBMITTED, List.of())));
    private FixtureConfiguration<NotificationRule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NotificationRule.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        TemplateCatalog catalog = id -> Optional.ofNullable(outlines.get(id));
        fixture.registerInjectableResource(catalog);
    }

    private static RuleContent approved(String template, boolean enabled) {
        return new RuleContent(Trigger.CASE_RESOLVED, Map.of("outcome", "APPROVED"), template, enabled);
    }

    private static SaveNotificationRuleCommand save(RuleContent content) {
        return SaveNotificationRuleCommand.of(RULE, content, false, "admin-1", NOW);
    }

    private static NotificationRuleSavedEvent saved(int version, RuleContent content) {
        return new NotificationRuleSavedEvent(RULE, version, content, "admin-1", NOW);
    }

    @Test
    void save_makesVersion1() {
        fixture.givenNoPriorActivity()
                .when(save(approved("case-approved", true)))
                .expectEvents(saved(1, approved("case-approved", true)))
                .expectResultMessagePayload(1);
    }

    @Test
    void save_ofTheSameContent_recordsNothing() {
        fixture.given(saved(1, approved("case-approved", true)))
                .when(save(approved("case-approved", true)))
                .expectNoEvents()
                .expectResultMessagePayload(1);
    }

    @Test
    void disabling_isTheNextVersion() {
        fixture.given(saved(1, approved("case-approved", true)))
                .when(save(approved("case-approved", false)))
                .expectEvents(saved(2, approved("case-approved", false)))
                .expectResultMessagePayload(2);
    }

    @Test
    void save_isRefused_whenTheTemplateLacksATranslation() {
        fixture.given(saved(1, approved("case-approved", true)))
                .when(save(approved("case-approved-draft", true)))
                .expectNoEvents()
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage("Template case-approved-draft lacks fr/SMS, fr/LETTER.");
    }

    @Test
    void save_isRefused_forAnUnknownTemplate_aTemplateOfAnotherTrigger_orAConditionTheTriggerDoesNotGive() {
        fixture.givenNoPriorActivity().when(save(approved("no-such-template", true)))
                .expectException(RuleRefusedException.class).expectExceptionMessage("There is no template with this id.");
        fixture.givenNoPriorActivity().when(save(approved("case-submitted", true)))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage("Template case-submitted is written for CASE_SUBMITTED, not CASE_RESOLVED.");
        fixture.givenNoPriorActivity()
                .when(save(new RuleContent(Trigger.CASE_RESOLVED, Map.of("amount", "30.00 CAD"), "case-approved", true)))
                .expectException(RuleRefusedException.class).expectExceptionMessage("CASE_RESOLVED gives no value amount.");
    }

    @Test
    void seed_neverChangesAnExistingRule() {
        fixture.given(saved(1, approved("case-approved", true)), saved(2, approved("case-approved", false)))
                .when(SaveNotificationRuleCommand.of(RULE, approved("case-approved", true), true, "configuration", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(2);
    }
}
