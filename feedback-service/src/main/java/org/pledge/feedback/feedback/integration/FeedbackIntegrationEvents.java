package org.pledge.feedback.feedback.integration;

import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.pledge.contracts.EventType;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.feedback.FeedbackReceivedV1;
import org.pledge.contracts.feedback.FollowUpRequestedV1;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.feedback.feedback.api.FollowUpRequestedEvent;
import org.pledge.platform.messaging.publish.IntegrationEventMapper;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;
import org.springframework.stereotype.Component;

/**
 * The answers as {@code pledge.feedback.v1} events, keyed by case id (the feedback id when the answer names no case):
 * {@code received} (the figures and whether there is a comment, never its text) and {@code follow-up-requested}.
 */
@Component
class FeedbackIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundIntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof FeedbackReceivedEvent e) {
            return out(EventTypes.FEEDBACK_RECEIVED, e.caseId() != null ? e.caseId() : e.feedbackId(), new FeedbackReceivedV1(
                    e.feedbackId(), e.caseId(), e.invitationId(), e.serviceType(), e.channel().name(), e.rating(), e.effort(),
                    e.painPoints(), e.consentToContact(), e.comment() != null, e.timeliness().name(), e.receivedAt()));
        }
        if (payload instanceof FollowUpRequestedEvent e) {
            return out(EventTypes.FEEDBACK_FOLLOW_UP_REQUESTED, e.caseId(), new FollowUpRequestedV1(e.followUpId(), e.caseId(),
                    e.serviceType(), e.reason(), e.requestedAt(), e.feedbackId(), e.applicantReference(), e.language(), e.rating()));
        }
        return Optional.empty();
    }

    private static Optional<OutboundIntegrationEvent> out(EventType type, String key, Object data) {
        return Optional.of(OutboundIntegrationEvent.of(type.topic(), type.name(), key, data));
    }
}
