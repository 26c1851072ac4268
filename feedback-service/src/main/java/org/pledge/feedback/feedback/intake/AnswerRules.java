package org.pledge.feedback.feedback.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.pledge.feedback.feedback.api.InvalidFeedbackException;
import org.pledge.feedback.feedback.api.PainPointTag;
import org.pledge.feedback.feedback.api.PainPointTags;
import org.pledge.feedback.feedback.comment.CommentCleaner;
import org.pledge.feedback.feedback.config.FeedbackProperties;
import org.springframework.stereotype.Component;

/**
 * The rules every answer meets, however it comes: rating 1–5, effort 1–7 when given, a comment of at most
 * {@code pledge.feedback.comment-max-length} characters as typed (then sanitised and masked), pain points from the
 * admin's list (each once, in the order given).
 */
@Component
class AnswerRules {

    /** An answer as it will be recorded: its comment cleaned, its pain points checked. */
    record Checked(int rating, Integer effort, String comment, List<String> painPoints, boolean consentToContact) {
    }

    private final CommentCleaner cleaner;
    private final PainPointTags tags;
    private final int commentMaxLength;

    AnswerRules(CommentCleaner cleaner, PainPointTags tags, FeedbackProperties properties) {
        this.cleaner = cleaner;
        this.tags = tags;
        this.commentMaxLength = properties.commentMaxLength();
    }

    Checked check(int rating, Integer effort, String comment, List<String> painPoints, boolean consentToContact) {
        if (rating < 1 || rating > 5) {
            throw new InvalidFeedbackException("feedback.rating-out-of-range", "rating", "The rating is a whole number from 1 to 5.");
        }
        if (effort != null && (effort < 1 || effort > 7)) {
            throw new InvalidFeedbackException("feedback.effort-out-of-range", "effort", "The effort score is a whole number from 1 to 7.");
        }
        if (comment != null && comment.codePointCount(0, comment.length()) > commentMaxLength) {
            throw new InvalidFeedbackException("feedback.comment-too-long", "comment",
                    "The comment is longer than " + commentMaxLength + " characters.");
        }
        List<String> given = painPoints == null ? List.of() : painPoints;
        Set<String> known = tags.current().stream().map(PainPointTag::code).collect(Collectors.toSet());
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            if (code == null || !known.contains(code)) {
                throw new InvalidFeedbackException("feedback.unknown-pain-point", "painPoints[" + i + "]",
                        "Pain point " + i + " is not one of the tags offered (GET /api/pain-point-tags).");
            }
            distinct.add(code);
        }
        return new Checked(rating, effort, cleaner.clean(comment), new ArrayList<>(distinct), consentToContact);
    }
}
