package org.pledge.feedback.feedback.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.pledge.feedback.feedback.api.FeedbackChannel;
import org.pledge.feedback.feedback.api.FeedbackIds;
import org.pledge.feedback.feedback.api.FollowUpRule;
import org.pledge.feedback.feedback.api.InvalidFeedbackException;
import org.pledge.feedback.feedback.api.RecordFeedbackCommand;
import org.pledge.feedback.feedback.query.FeedbackDocument;
import org.pledge.feedback.feedback.query.FeedbackEntries;
import org.pledge.feedback.survey.api.KnownCases;
import org.pledge.feedback.survey.api.KnownCases.KnownCase;
import org.pledge.feedback.survey.api.Timeliness;
import org.springframework.stereotype.Service;

/**
 * Feedback given at a channel (a kiosk, a call-centre agent, a web form): its id is a function of the channel client
 * and its {@code Idempotency-Key}. About a case the service knows ({@link KnownCases}): its service type, client and
 * timeliness are the case's. A case it does not know is refused (422 {@code feedback.unknown-case}): a mistyped case id
 * would otherwise tie the answer to nobody, or to someone else. Without a case the service type is required and the
 * answer is {@link Timeliness#OPEN}.
 */
@Service
public class ChannelFeedbackService {

    /** Channel feedback as the channel sends it; the comment raw. */
    public record ChannelAnswer(FeedbackChannel channel, String caseId, String serviceType, String language, int rating, Integer effort,
                                String comment, List<String> painPoints, boolean consentToContact) {
    }

    /** What was recorded; {@code created} false when the same answer came under the same key before. */
    public record Recorded(String feedbackId, String caseId, String serviceType, Timeliness timeliness, Instant receivedAt,
                           boolean followUpRequested, boolean created) {
    }

    private final AnswerRules rules;
    private final KnownCases cases;
    private final FeedbackRecorder recorder;
    private final FeedbackEntries entries;
    private final FollowUpRule followUps;
    private final Clock clock;

    ChannelFeedbackService(AnswerRules rules, KnownCases cases, FeedbackRecorder recorder, FeedbackEntries entries, FollowUpRule followUps,
                           Clock clock) {
        this.rules = rules;
        this.cases = cases;
        this.recorder = recorder;
        this.entries = entries;
        this.followUps = followUps;
        this.clock = clock;
    }

    public Recorded give(String client, String idempotencyKey, ChannelAnswer answer) {
        if (answer.channel() == null || answer.channel() == FeedbackChannel.SURVEY_LINK) {
            throw new InvalidFeedbackException("feedback.invalid-channel", "channel", "The channel is KIOSK, CALL_CENTRE or WEB_FORM.");
        }
        AnswerRules.Checked checked = rules.check(answer.rating(), answer.effort(), answer.comment(), answer.painPoints(),
                answer.consentToContact());
        String serviceType = answer.serviceType();
        String language = answer.language();
        String applicant = null;
        Timeliness timeliness = Timeliness.OPEN;
        if (answer.caseId() != null) {
            Optional<KnownCase> known = cases.find(answer.caseId());
            if (known.isEmpty()) {
                throw new InvalidFeedbackException("feedback.unknown-case", "caseId",
                        "There is no such case (yet): send the feedback without a case id, with its service type.");
            }
            KnownCase c = known.get();
            serviceType = c.serviceType();
            applicant = c.applicantReference();
            timeliness = c.timeliness();
            language = language != null ? language : c.language();
        } else if (serviceType == null || serviceType.isBlank()) {
            throw new InvalidFeedbackException("feedback.service-type-required", "serviceType",
                    "Without a case id, the service type is required.");
        }
        String feedbackId = FeedbackIds.forChannel(client, idempotencyKey);
        Instant now = clock.instant();
        boolean created = recorder.record(new RecordFeedbackCommand(feedbackId, null, answer.caseId(), serviceType, answer.channel(),
                checked.rating(), checked.effort(), checked.comment(), checked.painPoints(), checked.consentToContact(), timeliness,
                applicant, RecordFeedbackCommand.subjectOf(feedbackId, applicant), language, now));
        Instant receivedAt = created ? now : entries.find(feedbackId).map(FeedbackDocument::receivedAt).orElse(now);
        return new Recorded(feedbackId, answer.caseId(), serviceType, timeliness, receivedAt,
                followUps.wanted(checked.rating(), checked.consentToContact(), answer.caseId(), applicant), created);
    }
}
