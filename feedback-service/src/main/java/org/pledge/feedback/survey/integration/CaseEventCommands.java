package org.pledge.feedback.survey.integration;

import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.cases.CaseResolvedV1;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.contracts.cases.CaseWithdrawnV1;
import org.pledge.contracts.cases.ServiceStandardBreachedV1;
import org.pledge.feedback.survey.api.CancelSurveyInvitationCommand;
import org.pledge.feedback.survey.api.CancelSurveyInvitationCommand.CancelReason;
import org.pledge.feedback.survey.api.InvitationTrigger;
import org.pledge.feedback.survey.api.InviteToSurveyCommand;
import org.pledge.feedback.survey.api.PrepareSurveyInvitationCommand;
import org.pledge.feedback.survey.api.SurveyInvitationIds;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.feedback.survey.config.SurveyProperties;
import org.pledge.feedback.survey.token.SurveyTokens;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.pledge.platform.privacy.DataSubjectErasures;
import org.springframework.stereotype.Component;

/**
 * Maps inbound {@code pledge.case.v1} events to commands on the survey invitations; contract types go no further
 * than this class.
 * <ul>
 *   <li>{@code submitted} → {@link PrepareSurveyInvitationCommand};</li>
 *   <li>{@code resolved} → {@link InviteToSurveyCommand} ({@code ON_TIME} when {@code onTime}, else {@code LATE}), from the
 *       event's own facts (a case never seen submitted is invited too);</li>
 *   <li>{@code service-standard-breached} → the same, {@code LATE}, when {@code pledge.surveys.invite-on-breach};
 *       ignored otherwise;</li>
 *   <li>{@code withdrawn} → {@link CancelSurveyInvitationCommand} ({@code CASE_WITHDRAWN});</li>
 *   <li>an ending event of an erased client → {@link CancelSurveyInvitationCommand} ({@code CLIENT_ERASED}) instead of the
 *       invitation.</li>
 * </ul>
 * Other case events (reopened among them) change nothing. The invitation decides the rest (one per case). A
 * redelivered CloudEvent is dropped by the platform ({@code ce_id}); the same event under another id reaches the same
 * invitation, which ignores it.
 */
@Component
class CaseEventCommands {

    private final CommandGateway commands;
    private final ObjectMapper objectMapper;
    private final SurveyProperties properties;
    private final SurveyTokens tokens;
    private final DataSubjectErasures erasures;
    private final Clock clock;

    CaseEventCommands(CommandGateway commands, ObjectMapper objectMapper, SurveyProperties properties, SurveyTokens tokens,
                      DataSubjectErasures erasures, Clock clock) {
        this.commands = commands;
        this.objectMapper = objectMapper;
        this.properties = properties;
        this.tokens = tokens;
        this.erasures = erasures;
        this.clock = clock;
    }

    void on(InboundCloudEvent event) {
        String type = event.type();
        Object command = null;
        if (EventTypes.CASE_SUBMITTED.name().equals(type)) {
            CaseSubmittedV1 submitted = event.contractData(CaseSubmittedV1.class, objectMapper);
            command = PrepareSurveyInvitationCommand.forCase(submitted.caseId(), submitted.serviceType(), submitted.channel(),
                    submitted.language(), submitted.submittedAt(), submitted.applicantReference(), submitted.preferredChannel());
        } else if (EventTypes.CASE_RESOLVED.name().equals(type)) {
            CaseResolvedV1 resolved = event.contractData(CaseResolvedV1.class, objectMapper);
            command = invite(resolved.caseId(), resolved.serviceType(), resolved.channel(), resolved.applicantReference(),
                    resolved.language(), resolved.preferredChannel(), InvitationTrigger.CASE_RESOLVED,
                    resolved.onTime() ? Timeliness.ON_TIME : Timeliness.LATE);
        } else if (EventTypes.CASE_SERVICE_STANDARD_BREACHED.name().equals(type) && properties.inviteOnBreach()) {
            ServiceStandardBreachedV1 breached = event.contractData(ServiceStandardBreachedV1.class, objectMapper);
            command = invite(breached.caseId(), breached.serviceType(), breached.channel(), breached.applicantReference(),
                    breached.language(), breached.preferredChannel(), InvitationTrigger.SERVICE_STANDARD_BREACHED, Timeliness.LATE);
        } else if (EventTypes.CASE_WITHDRAWN.name().equals(type)) {
            CaseWithdrawnV1 withdrawn = event.contractData(CaseWithdrawnV1.class, objectMapper);
            command = new CancelSurveyInvitationCommand(SurveyInvitationIds.forCase(withdrawn.caseId()), withdrawn.caseId(),
                    withdrawn.serviceType(), CancelReason.CASE_WITHDRAWN, clock.instant());
        }
        if (command != null) {
            commands.sendAndWait(event.asCommand(command));
        }
    }

    private Object invite(String caseId, String serviceType, String channel, String applicantReference, String language,
                          String preferredChannel, InvitationTrigger trigger, Timeliness timeliness) {
        Instant now = clock.instant();
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("the case event has no caseId");
        }
        if (applicantReference != null && erasures.isErased(applicantReference)) {
            // the client asked to be forgotten (or was, by retention): they are not contacted about this case
            return new CancelSurveyInvitationCommand(SurveyInvitationIds.forCase(caseId), caseId, serviceType,
                    CancelReason.CLIENT_ERASED, now);
        }
        Instant expiresAt = SurveyTokens.tokenExpiry(now.plus(properties.expiry()));
        return new InviteToSurveyCommand(SurveyInvitationIds.forCase(caseId), caseId, serviceType, channel, applicantReference,
                language, preferredChannel, trigger, timeliness, now, expiresAt, tokens.signingKeyId());
    }
}
