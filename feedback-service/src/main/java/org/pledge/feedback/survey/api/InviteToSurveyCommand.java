package org.pledge.feedback.survey.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * Invites the client of a case to the survey, once: the case was resolved (or breached, when so configured). The case
 * facts come from the case event itself, so a case feedback-service never saw submitted is invited too; facts
 * recorded at submission fill what the event lacks. An invitation that was invited, answered or cancelled already
 * ignores it (one invitation per case, whatever happens to the case afterwards).
 *
 * @param invitedAt  now, by the injected clock (not the case event's time: a late delivery still gets its full period)
 * @param expiresAt  {@code invitedAt} + {@code pledge.surveys.expiry}, whole seconds (the token carries it)
 * @param tokenKeyId the id of the key that signs the link's token (the newest of {@code pledge.surveys.token-keys})
 */
public record InviteToSurveyCommand(@CommandTarget String invitationId, String caseId, String serviceType, String channel,
                                    String applicantReference, String language, String preferredChannel,
                                    InvitationTrigger trigger, Timeliness timeliness, Instant invitedAt, Instant expiresAt,
                                    String tokenKeyId) {
}
