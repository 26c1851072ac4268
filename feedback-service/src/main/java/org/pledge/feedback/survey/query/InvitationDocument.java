package org.pledge.feedback.survey.query;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.feedback.survey.api.SurveyInvitationPreparedEvent;

/**
 * One survey invitation in {@code survey_invitations}, by case (read and written through the driver's record codec:
 * these components are the field names). Service type, channel and language only: no personal data.
 *
 * @param seq the sequence number of the invitation's last event applied (the event's, set by the projection)
 */
public record InvitationDocument(@BsonId String caseId, String invitationId, String serviceType, String channel, String language,
                                 String status, Instant submittedAt, long seq) {

    static final String SEQ = "seq";
    static final String SERVICE_TYPE = "serviceType";

    static InvitationDocument prepared(SurveyInvitationPreparedEvent event, String status, long sequence) {
        return new InvitationDocument(event.caseId(), event.invitationId(), event.serviceType(), event.channel(), event.language(),
                status, event.submittedAt(), sequence);
    }
}
