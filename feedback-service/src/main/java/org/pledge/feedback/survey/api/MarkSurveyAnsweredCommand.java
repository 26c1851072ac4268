package org.pledge.feedback.survey.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * The invitation was answered (sent by the feedback feature once the answer is recorded), so that
 * {@link SurveyLinks#verify} reports {@link SurveyTokenException.Reason#USED}. Idempotent: the first answer recorded
 * stands, a repeat records nothing. Refused ({@link IllegalStateException}) for an invitation that was never invited.
 */
public record MarkSurveyAnsweredCommand(@CommandTarget String invitationId, String feedbackId, Instant answeredAt) {
}
