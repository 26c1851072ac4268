package org.pledge.feedback.survey.api;

/** An event of a survey invitation: every one names the invitation and its case (the read model's document). */
public sealed interface SurveyInvitationEvent
        permits SurveyInvitationPreparedEvent, SurveyInvitedEvent, SurveyInvitationCancelledEvent, SurveyAnsweredEvent {

    String invitationId();

    String caseId();
}
