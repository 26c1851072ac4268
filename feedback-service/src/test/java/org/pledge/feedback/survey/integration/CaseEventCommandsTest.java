package org.pledge.feedback.survey.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.pledge.feedback.survey.api.CancelSurveyInvitationCommand;
import org.pledge.feedback.survey.api.CancelSurveyInvitationCommand.CancelReason;
import org.pledge.feedback.survey.api.InvitationTrigger;
import org.pledge.feedback.survey.api.InviteToSurveyCommand;
import org.pledge.feedback.survey.api.SurveyInvitationIds;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.feedback.survey.config.SurveyProperties;
import org.pledge.feedback.survey.token.SurveyTokenKey;
import org.pledge.feedback.survey.token.SurveyTokens;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.pledge.platform.privacy.DataSubjectErasures;

/** Which case event invites whom, with what timeliness and expiry (the broker and the aggregate left out). */
class CaseEventCommandsTest {

    private static final Instant NOW = Instant.parse("2025-04-01T15:00:07.250Z");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final SurveyTokens TOKENS = new SurveyTokens(List.of(
            new SurveyTokenKey("k2", "k2-secret-of-at-least-thirty-two-chars!!"),
            new SurveyTokenKey("k1", "k1-secret-of-at-least-thirty-two-chars!!")));

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final DataSubjectErasures erasures = mock(DataSubjectErasures.class);

    @Test
    void resolvedOnTime_invitesOnTime_expiringAfterTheConfiguredPeriod_signedWithTheNewestKey() {
        handler(false).on(event("pledge.case.resolved.v1", resolved(true)));

        // 2025-04-01T15:00:07.250Z + P14D, cut to the second the token carries
        assertThat(sent()).isEqualTo(new InviteToSurveyCommand(SurveyInvitationIds.forCase("case-1"), "case-1", "PASSPORT", "WEB",
                "ref-7", "fr-CA", "SMS", InvitationTrigger.CASE_RESOLVED, Timeliness.ON_TIME, NOW,
                Instant.parse("2025-04-15T15:00:07Z"), "k2"));
    }

    @Test
    void resolvedLate_invitesLate() {
        handler(false).on(event("pledge.case.resolved.v1", resolved(false)));

        assertThat(((InviteToSurveyCommand) sent()).timeliness()).isEqualTo(Timeliness.LATE);
    }

    @Test
    void breached_invitesLate_whenInviteOnBreach() {
        handler(true).on(event("pledge.case.service-standard-breached.v1", breached()));

        InviteToSurveyCommand invite = (InviteToSurveyCommand) sent();
        assertThat(invite.trigger()).isEqualTo(InvitationTrigger.SERVICE_STANDARD_BREACHED);
        assertThat(invite.timeliness()).isEqualTo(Timeliness.LATE);
    }

    @Test
    void breached_sendsNothing_byDefault() {
        handler(false).on(event("pledge.case.service-standard-breached.v1", breached()));

        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void resolved_cancels_whenTheClientWasErased() {
        when(erasures.isErased("ref-7")).thenReturn(true);

        handler(false).on(event("pledge.case.resolved.v1", resolved(true)));

        assertThat(sent()).isEqualTo(new CancelSurveyInvitationCommand(SurveyInvitationIds.forCase("case-1"), "case-1", "PASSPORT",
                CancelReason.CLIENT_ERASED, NOW));
    }

    @Test
    void withdrawn_cancels() {
        handler(false).on(event("pledge.case.withdrawn.v1", """
                {"caseId":"case-1","serviceType":"PASSPORT","channel":"WEB","applicantReference":"ref-7","withdrawnBy":"CHANNEL",
                 "withdrawnAt":"2025-03-20T10:00:00Z"}"""));

        assertThat(sent()).isEqualTo(new CancelSurveyInvitationCommand(SurveyInvitationIds.forCase("case-1"), "case-1", "PASSPORT",
                CancelReason.CASE_WITHDRAWN, NOW));
    }

    @Test
    void reopened_sendsNothing() {
        handler(true).on(event("pledge.case.reopened.v1", """
                {"caseId":"case-1","serviceType":"PASSPORT","reopenedAt":"2025-04-10T09:00:00Z"}"""));

        verify(gateway, never()).sendAndWait(any());
    }

    private CaseEventCommands handler(boolean inviteOnBreach) {
        SurveyProperties properties = new SurveyProperties("http://localhost:8082/surveys/", Duration.ofDays(14), inviteOnBreach,
                List.of(), false);
        return new CaseEventCommands(gateway, JSON, properties, TOKENS, erasures, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Object sent() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<?>> captor = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway).sendAndWait(captor.capture());
        return captor.getValue().getPayload();
    }

    private static InboundCloudEvent event(String type, String json) {
        try {
            return new InboundCloudEvent("ce-1", type, "/pledge/case-service", "case-1", NOW, JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String resolved(boolean onTime) {
        return """
                {"caseId":"case-1","serviceType":"PASSPORT","channel":"WEB","applicantReference":"ref-7","language":"fr-CA",
                 "preferredChannel":"SMS","deadline":"2025-03-17T14:00:00Z","outcome":"APPROVED",
                 "resolvedAt":"2025-04-01T15:00:00Z","onTime":%s,"latenessBusinessDays":%d}""".formatted(onTime, onTime ? 0 : 2);
    }

    private static String breached() {
        return """
                {"caseId":"case-1","serviceType":"PASSPORT","channel":"WEB","applicantReference":"ref-7","language":"fr-CA",
                 "preferredChannel":"SMS","deadline":"2025-03-17T14:00:00Z","markedAt":"2025-03-18T06:00:00Z","guaranteed":false}""";
    }
}
