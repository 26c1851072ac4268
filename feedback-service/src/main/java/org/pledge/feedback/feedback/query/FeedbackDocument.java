package org.pledge.feedback.feedback.query;

import java.time.Instant;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.platform.readmodel.RecordFields;

/**
 * One answer in {@code feedback}. The comment is stored as {@code PersonalDataCipher.protect} gives it (encrypted under
 * its subject's key) and revealed on reading.
 *
 * @param seq the sequence number of the feedback's last event applied
 */
public record FeedbackDocument(@BsonId String feedbackId, String invitationId, String caseId, String serviceType, String channel,
                               int rating, Integer effort, String comment, List<String> painPoints, boolean consentToContact,
                               String timeliness, String subjectRef, String language, Instant receivedAt,
                               boolean followUpRequested, long seq) {

    private static final RecordFields FIELDS = RecordFields.of(FeedbackDocument.class);
    static final String SEQ = FIELDS.name("seq");
    static final String CASE_ID = FIELDS.name("caseId");
    static final String RECEIVED_AT = FIELDS.name("receivedAt");
    static final String SUBJECT_REF = FIELDS.name("subjectRef");
    static final String COMMENT = FIELDS.name("comment");

    static FeedbackDocument received(FeedbackReceivedEvent e, String storedComment, long sequence) {
        return new FeedbackDocument(e.feedbackId(), e.invitationId(), e.caseId(), e.serviceType(), e.channel().name(), e.rating(),
                e.effort(), storedComment, e.painPoints(), e.consentToContact(), e.timeliness().name(), e.subjectRef(), e.language(),
                e.receivedAt(), false, sequence);
    }

    FeedbackDocument withFollowUp(long sequence) {
        return new FeedbackDocument(feedbackId, invitationId, caseId, serviceType, channel, rating, effort, comment, painPoints,
                consentToContact, timeliness, subjectRef, language, receivedAt, true, sequence);
    }

    FeedbackDocument withComment(String stored) {
        return new FeedbackDocument(feedbackId, invitationId, caseId, serviceType, channel, rating, effort, stored, painPoints,
                consentToContact, timeliness, subjectRef, language, receivedAt, followUpRequested, seq);
    }
}
