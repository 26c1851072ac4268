package org.pledge.notification.template.command;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.template.api.SaveTemplateVariantCommand;
import org.pledge.notification.template.api.TemplateVariantSavedEvent;
import org.pledge.notification.template.api.Trigger;
import org.pledge.notification.template.config.TemplateProperties;
import org.pledge.notification.template.validation.TemplateRefusedException;
import org.pledge.platform.axon.CommandTargets;

class TemplateTest {

    private static final String ID = "case-submitted";
    private static final Instant NOW = Instant.parse("2027-01-04T15:00:00Z");
    private static final String BODY = "Ref. {{caseId}}: due {{dueDate}}.";

    private FixtureConfiguration<Template> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Template.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource(new TemplateProperties(List.of("en", "fr"), "en", ZoneId.of("America/Toronto"), null, null,
                null, "classpath:notification-templates/"));
    }

    private static SaveTemplateVariantCommand save(String language, Channel channel, String subject, String body) {
        return SaveTemplateVariantCommand.of(ID, Trigger.CASE_SUBMITTED, language, channel, subject, body, false, "admin-1", NOW);
    }

    private static TemplateVariantSavedEvent saved(String language, Channel channel, int version, String subject, String body) {
        return new TemplateVariantSavedEvent(ID, Trigger.CASE_SUBMITTED, language, channel, version, subject, body, "admin-1", NOW);
    }

    @Test
    void save_makesVersion1_ofANewVariant() {
        fixture.givenNoPriorActivity()
                .when(save("en", Channel.EMAIL, "Received", BODY))
                .expectEvents(saved("en", Channel.EMAIL, 1, "Received", BODY))
                .expectResultMessagePayload(1);
    }

    @Test
    void save_ofTheSameText_recordsNothing_andAnswersTheCurrentVersion() {
        // "Received " with a trailing blank and CR LF normalize to the stored text
        fixture.given(saved("en", Channel.EMAIL, 1, "Received", BODY), saved("en", Channel.EMAIL, 2, "Received", BODY + "\nThanks"))
                .when(save("en", Channel.EMAIL, "Received ", BODY + "\r\nThanks"))
                .expectNoEvents()
                .expectResultMessagePayload(2);
    }

    @Test
    void save_ofAnotherText_makesTheVariantsNextVersion_andLeavesTheOthersVersions() {
        fixture.given(saved("en", Channel.EMAIL, 1, "Received", BODY), saved("fr", Channel.EMAIL, 1, "Reçue", BODY),
                        saved("fr", Channel.EMAIL, 2, "Demande reçue", BODY))
                .when(save("en", Channel.EMAIL, "We received it", BODY))
                .expectEvents(saved("en", Channel.EMAIL, 2, "We received it", BODY))
                .expectResultMessagePayload(2);
    }

    @Test
    void save_ofAnotherChannel_startsItsOwnVersions() {
        fixture.given(saved("en", Channel.EMAIL, 1, "Received", BODY), saved("en", Channel.EMAIL, 2, "Received!", BODY))
                .when(save("en", Channel.SMS, null, BODY))
                .expectEvents(saved("en", Channel.SMS, 1, null, BODY))
                .expectResultMessagePayload(1);
    }

    @Test
    void save_forAnotherTrigger_isRefused() {
        fixture.given(saved("en", Channel.EMAIL, 1, "Received", BODY))
                .when(SaveTemplateVariantCommand.of(ID, Trigger.CASE_RESOLVED, "fr", Channel.EMAIL, "Décidé", "{{caseId}}", false, "a", NOW))
                .expectNoEvents()
                .expectException(TemplateRefusedException.class)
                .expectExceptionMessage("Template case-submitted is written for CASE_SUBMITTED, not CASE_RESOLVED.");
    }

    @Test
    void save_withAPlaceholderTheTriggerDoesNotGive_isRefused_andRecordsNothing() {
        fixture.given(saved("en", Channel.EMAIL, 1, "Received", BODY))
                .when(save("en", Channel.EMAIL, "Received", "Your refund: {{amount}}"))
                .expectNoEvents()
                .expectException(TemplateRefusedException.class);
    }

    @Test
    void seed_neverChangesAnExistingVariant_evenWithAnotherText() {
        fixture.given(saved("en", Channel.EMAIL, 1, "Received", BODY), saved("en", Channel.EMAIL, 2, "Edited by an admin", BODY))
                .when(SaveTemplateVariantCommand.of(ID, Trigger.CASE_SUBMITTED, "en", Channel.EMAIL, "Received", BODY, true, "configuration",
                        NOW))
                .expectNoEvents()
                .expectResultMessagePayload(2);
    }

    @Test
    void seed_ofAMissingVariant_makesItsVersion1() {
        fixture.given(saved("en", Channel.EMAIL, 1, "Received", BODY))
                .when(SaveTemplateVariantCommand.of(ID, Trigger.CASE_SUBMITTED, "fr", Channel.LETTER, "Reçue", BODY, true, "configuration",
                        NOW))
                .expectEvents(new TemplateVariantSavedEvent(ID, Trigger.CASE_SUBMITTED, "fr", Channel.LETTER, 1, "Reçue", BODY,
                        "configuration", NOW));
    }
}
