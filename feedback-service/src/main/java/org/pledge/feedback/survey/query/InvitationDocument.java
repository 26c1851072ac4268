package org.pledge.feedback.survey.query;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.feedback.survey.api.InvitationStatus;
import org.pledge.feedback.survey.api.SurveyAnsweredEvent;
import org.pledge.feedback.survey.api.SurveyInvitationCancelledEvent;
import org.pledge.feedback.survey.api.SurveyInvitationPreparedEvent;
import org.pledge.feedback.survey.api.SurveyInvitedEvent;
import org.pledge.feedback.survey.api.Timeliness;

/**
 * One survey invitation in {@code survey_invitations}, by case (read and written through the driver's record codec:
 * these components are the field names). No personal data: the applicant reference is the data subject's reference,
 * never a name or a contact point; no token (it is derived when needed).
 *
 * @param status     an {@link InvitationStatus} name
 * @param timeliness the case as the invitation found it ({@link Timeliness}), null until invited
 * @param expiresAt  until when the link works, null until invited
 * @param seq        the sequence number of the invitation's last event applied (the event's, set by the projection)
 */
public record InvitationDocument(@BsonId String caseId, String invitationId, String serviceType, String channel, String language,
                                 String applicantReference, String preferredChannel, String status, Instant submittedAt,
                                 String trigger, String timeliness, Instant invitedAt, Instant expiresAt, String tokenKeyId,
                                 String feedbackId, Instant answeredAt, String cancelReason, long seq) {

    static final String SEQ = "seq";
    static final String SERVICE_TYPE = "serviceType";

    static InvitationDocument prepared(SurveyInvitationPreparedEvent e, long sequence) {
        return new InvitationDocument(e.caseId(), e.invitationId(), e.serviceType(), e.channel(), e.language(), e.applicantReference(),
                e.preferredChannel(), InvitationStatus.AWAITING_CASE_END.name(), e.submittedAt(), null, null, null, null, null, null,
                null, null, sequence);
    }

    /** {@code current} invited (null: a case first seen as it ended). */
    static InvitationDocument invited(InvitationDocument current, SurveyInvitedEvent e, long sequence) {
        return new InvitationDocument(e.caseId(), e.invitationId(), e.serviceType(), e.channel(), e.language(), e.applicantReference(),
                e.preferredChannel(), InvitationStatus.INVITED.name(), current == null ? null : current.submittedAt(),
                e.trigger().name(), e.timeliness().name(), e.invitedAt(), e.expiresAt(), e.tokenKeyId(), null, null, null, sequence);
    }

    static InvitationDocument cancelled(InvitationDocument current, SurveyInvitationCancelledEvent e, long sequence) {
        if (current == null) {
            return new InvitationDocument(e.caseId(), e.invitationId(), e.serviceType(), null, null, null, null,
                    InvitationStatus.CANCELLED.name(), null, null, null, null, null, null, null, null, e.reason().name(), sequence);
        }
        return new InvitationDocument(current.caseId, current.invitationId, current.serviceType, current.channel, current.language,
                current.applicantReference, current.preferredChannel, InvitationStatus.CANCELLED.name(), current.submittedAt, null,
                null, null, null, null, null, null, e.reason().name(), sequence);
    }

    InvitationDocument answered(SurveyAnsweredEvent e, long sequence) {
        return new InvitationDocument(caseId, invitationId, serviceType, channel, language, applicantReference, preferredChannel,
                InvitationStatus.ANSWERED.name(), submittedAt, trigger, timeliness, invitedAt, expiresAt, tokenKeyId, e.feedbackId(),
                e.answeredAt(), cancelReason, sequence);
    }

    boolean is(InvitationStatus wanted) {
        return wanted.name().equals(status);
    }
}
