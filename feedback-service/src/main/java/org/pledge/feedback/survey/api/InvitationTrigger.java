package org.pledge.feedback.survey.api;

/** The case event that invited the client. */
public enum InvitationTrigger {
    /** {@code pledge.case.resolved.v1}: the case was decided. */
    CASE_RESOLVED,
    /** {@code pledge.case.service-standard-breached.v1}, with {@code pledge.surveys.invite-on-breach}. */
    SERVICE_STANDARD_BREACHED
}
