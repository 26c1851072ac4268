package org.pledge.feedback.survey.integration;

import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.feedback.SurveyInvitedV1;
import org.pledge.feedback.survey.api.SurveyInvitedEvent;
import org.pledge.feedback.survey.config.SurveyProperties;
import org.pledge.feedback.survey.token.SurveyTokens;
import org.pledge.platform.messaging.publish.IntegrationEventMapper;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Maps {@link SurveyInvitedEvent} to {@code pledge.feedback.survey-invited.v1} on {@code pledge.feedback.v1}, keyed by
 * case id. The link is {@code pledge.surveys.link-base-url} + the token, derived here from the event (invitation, case,
 * expiry, key id): the event store never holds the credential, and a retry or a replay publishes the same link. An
 * invitation whose key was removed from {@code pledge.surveys.token-keys} is not published (its link could never be
 * verified): a WARN with ids only.
 */
@Component
class SurveyIntegrationEvents implements IntegrationEventMapper {

    private static final Logger log = LoggerFactory.getLogger(SurveyIntegrationEvents.class);

    private final SurveyTokens tokens;
    private final String linkBaseUrl;

    SurveyIntegrationEvents(SurveyTokens tokens, SurveyProperties properties) {
        this.tokens = tokens;
        this.linkBaseUrl = properties.linkBaseUrl();
    }

    @Override
    public Optional<OutboundIntegrationEvent> map(EventMessage<?> event) {
        if (!(event.getPayload() instanceof SurveyInvitedEvent e)) {
            return Optional.empty();
        }
        if (!tokens.knows(e.tokenKeyId())) {
            log.warn("Survey invitation {} of case {} is not published: its token key {} is no longer configured",
                    e.invitationId(), e.caseId(), e.tokenKeyId());
            return Optional.empty();
        }
        String link = linkBaseUrl + tokens.issue(e.tokenKeyId(), e.invitationId(), e.caseId(), e.expiresAt());
        SurveyInvitedV1 data = new SurveyInvitedV1(e.invitationId(), e.caseId(), e.serviceType(), e.applicantReference(), e.language(),
                e.preferredChannel(), link, e.expiresAt(), e.invitedAt());
        return Optional.of(OutboundIntegrationEvent.of(EventTypes.FEEDBACK_SURVEY_INVITED.topic(),
                EventTypes.FEEDBACK_SURVEY_INVITED.name(), e.caseId(), data));
    }
}
