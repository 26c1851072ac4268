package org.pledge.feedback.survey.api;

/**
 * Where a survey invitation stands. So far only {@link #AWAITING_CASE_END}: the case is known, the client is invited
 * when it ends. Sending the link, answering and expiry come with the surveys themselves (issue 14).
 */
public enum InvitationStatus {
    AWAITING_CASE_END
}
