package org.pledge.feedback.survey.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.feedback.SurveyInvitedV1;
import org.pledge.feedback.survey.api.InvitationTrigger;
import org.pledge.feedback.survey.api.SurveyAnsweredEvent;
import org.pledge.feedback.survey.api.SurveyInvitationIds;
import org.pledge.feedback.survey.api.SurveyInvitedEvent;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.feedback.survey.config.SurveyProperties;
import org.pledge.feedback.survey.token.SurveyTokenKey;
import org.pledge.feedback.survey.token.SurveyTokens;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;

class SurveyIntegrationEventsTest {

    private static final String INVITATION = SurveyInvitationIds.forCase("case-1");
    private static final Instant INVITED = Instant.parse("2025-04-01T15:00:07Z");
    private static final Instant EXPIRES = Instant.parse("2025-04-15T15:00:07Z");
    private static final SurveyTokenKey K1 = new SurveyTokenKey("k1", "k1-secret-of-at-least-thirty-two-chars!!");
    private static final SurveyTokenKey K2 = new SurveyTokenKey("k2", "k2-secret-of-at-least-thirty-two-chars!!");
    private static final SurveyInvitedEvent INVITED_EVENT = new SurveyInvitedEvent(INVITATION, "case-1", "PASSPORT", "WEB", "ref-7",
            "fr-CA", "SMS", InvitationTrigger.CASE_RESOLVED, Timeliness.ON_TIME, INVITED, EXPIRES, "k1");

    @Test
    void invited_isPublished_withTheLinkOfTheEventsKey_theSameEachTime() {
        // k2 signs new invitations now; this one was made under k1, and its link stays the one it was
        SurveyTokens tokens = new SurveyTokens(List.of(K2, K1));
        SurveyIntegrationEvents mapper = mapper(tokens);

        OutboundIntegrationEvent out = mapper.map(GenericEventMessage.asEventMessage(INVITED_EVENT)).orElseThrow();

        assertThat(out.topic()).isEqualTo("pledge.feedback.v1");
        assertThat(out.type()).isEqualTo("pledge.feedback.survey-invited.v1");
        assertThat(out.partitionKey()).isEqualTo("case-1");
        String link = "https://survey.example.org/s/" + tokens.issue("k1", INVITATION, "case-1", EXPIRES);
        assertThat(out.data()).isEqualTo(new SurveyInvitedV1(INVITATION, "case-1", "PASSPORT", "ref-7", "fr-CA", "SMS", link, EXPIRES,
                INVITED));
        assertThat(mapper.map(GenericEventMessage.asEventMessage(INVITED_EVENT))).hasValue(out);
        assertThat(tokens.read(link.substring(link.lastIndexOf('/') + 1)).signedFor("case-1")).isTrue();
    }

    @Test
    void invited_isNotPublished_whenItsKeyWasRetired() {
        assertThat(mapper(new SurveyTokens(List.of(K2))).map(GenericEventMessage.asEventMessage(INVITED_EVENT))).isEmpty();
    }

    @Test
    void otherEvents_areNotPublished() {
        assertThat(mapper(new SurveyTokens(List.of(K1)))
                .map(GenericEventMessage.asEventMessage(new SurveyAnsweredEvent(INVITATION, "case-1", "fb-1", INVITED)))).isEmpty();
    }

    private static SurveyIntegrationEvents mapper(SurveyTokens tokens) {
        return new SurveyIntegrationEvents(tokens, new SurveyProperties("https://survey.example.org/s/", Duration.ofDays(14), false,
                List.of(), false));
    }
}
