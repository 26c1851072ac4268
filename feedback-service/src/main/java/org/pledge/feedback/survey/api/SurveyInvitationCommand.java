package org.pledge.feedback.survey.api;

/** A command to one {@code SurveyInvitation}: the invitation it targets (commands carry no framework annotations). */
public sealed interface SurveyInvitationCommand permits PrepareSurveyInvitationCommand {

    String invitationId();
}
