package org.pledge.feedback.feedback.intake;

import java.time.Clock;
import java.time.Instant;

import org.pledge.feedback.feedback.api.FeedbackChannel;
import org.pledge.feedback.feedback.api.FeedbackIds;
import org.pledge.feedback.feedback.api.FollowUpRule;
import org.pledge.feedback.feedback.api.PainPointTags;
import org.pledge.feedback.feedback.api.RecordFeedbackCommand;
import org.pledge.feedback.feedback.api.SurveyAnswers;
import org.pledge.feedback.feedback.query.FeedbackDocument;
import org.pledge.feedback.feedback.query.FeedbackEntries;
import org.pledge.feedback.survey.api.SurveyLinks;
import org.pledge.feedback.survey.api.SurveyTokenException;
import org.pledge.feedback.survey.api.VerifiedInvitation;
import org.springframework.stereotype.Service;

/**
 * {@link SurveyAnswers}: the token is checked by {@link SurveyLinks}; the answer is recorded on the invitation's one
 * {@code Feedback} (its id a function of the invitation id), which accepts the same answer again and refuses another.
 * Once answered, the survey feature reports the token used ({@link SurveyInvitationAnswers} tells it); a retry of the
 * answer through the same token is still let through to the aggregate ({@link AnsweredLinks}), so that the same answer
 * is accepted again.
 */
@Service
public class SurveyAnswerService implements SurveyAnswers {

    /** The receipt, and whether this call recorded the answer (false: the same answer was recorded before). */
    public record Recorded(AnswerReceipt receipt, boolean created) {
    }

    private final SurveyLinks links;
    private final AnsweredLinks answered;
    private final AnswerRules rules;
    private final PainPointTags tags;
    private final FeedbackEntries entries;
    private final FeedbackRecorder recorder;
    private final FollowUpRule followUps;
    private final Clock clock;

    SurveyAnswerService(SurveyLinks links, AnsweredLinks answered, AnswerRules rules, PainPointTags tags, FeedbackEntries entries,
                        FeedbackRecorder recorder, FollowUpRule followUps, Clock clock) {
        this.links = links;
        this.answered = answered;
        this.rules = rules;
        this.tags = tags;
        this.entries = entries;
        this.recorder = recorder;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    public SurveyForm open(String token) {
        VerifiedInvitation invitation = links.verify(token);
        if (entries.find(FeedbackIds.forInvitation(invitation.invitationId())).isPresent()) {
            throw new SurveyTokenException(SurveyTokenException.Reason.USED, "This survey was answered already.");
        }
        return new SurveyForm(invitation.invitationId(), invitation.caseId(), invitation.serviceType(), invitation.language(),
                invitation.expiresAt(), tags.current());
    }

    @Override
    public AnswerReceipt answer(String token, SurveyAnswer answer) {
        return record(token, answer).receipt();
    }

    /** As {@link #answer}, saying whether the answer was recorded now. */
    public Recorded record(String token, SurveyAnswer answer) {
        VerifiedInvitation invitation = verifiedOrAnsweredHere(token);
        AnswerRules.Checked checked = rules.check(answer.rating(), answer.effort(), answer.comment(), answer.painPoints(),
                answer.consentToContact());
        answered.keep(token, invitation);
        String feedbackId = FeedbackIds.forInvitation(invitation.invitationId());
        Instant now = clock.instant();
        boolean created = recorder.record(new RecordFeedbackCommand(feedbackId, invitation.invitationId(), invitation.caseId(),
                invitation.serviceType(), FeedbackChannel.SURVEY_LINK, checked.rating(), checked.effort(), checked.comment(),
                checked.painPoints(), checked.consentToContact(), invitation.timeliness(), invitation.applicantReference(),
                RecordFeedbackCommand.subjectOf(feedbackId, invitation.applicantReference()), invitation.language(), now));
        // a retry of the same answer: the first one's time, as recorded
        Instant receivedAt = created ? now : entries.find(feedbackId).map(FeedbackDocument::receivedAt).orElse(now);
        return new Recorded(new AnswerReceipt(feedbackId, receivedAt, followUps.wanted(checked.rating(), checked.consentToContact(),
                invitation.caseId(), invitation.applicantReference())), created);
    }

    /** The token's invitation; for a token reported used, the invitation it was answered for here (else: used). */
    private VerifiedInvitation verifiedOrAnsweredHere(String token) {
        try {
            return links.verify(token);
        } catch (SurveyTokenException e) {
            if (e.reason() != SurveyTokenException.Reason.USED) {
                throw e;
            }
            return answered.find(token).orElseThrow(() -> e);
        }
    }
}
