package org.pledge.feedback.surveypage.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** An answer's errors as the form shows them: a message per field, and the summary's links to the fields. */
final class AnswerErrors {

    private AnswerErrors() {
    }

    /** A line of the error summary: the id of the control it leads to, and the message. */
    record SummaryLine(String anchor, String message) {
    }

    /** The form's field for the field an answer rule names ({@code painPoints[2]} → {@code painPoints}). */
    static String field(String named) {
        if (named == null) {
            return "";
        }
        String field = named.split("[\\[.]", 2)[0];
        return switch (field) {
            case AnswerForm.RATING, AnswerForm.EFFORT, AnswerForm.COMMENT, AnswerForm.PAIN_POINTS, AnswerForm.CONSENT -> field;
            default -> "";
        };
    }

    /** The id of the control the summary links to: the first radio (the best answer comes first) or checkbox of a group, the field itself else. */
    static String anchor(String field, List<SurveyPageController.TagChoice> tags) {
        return switch (field) {
            case AnswerForm.RATING -> "rating-5";
            case AnswerForm.EFFORT -> "effort-7";
            case AnswerForm.COMMENT -> "comment";
            case AnswerForm.CONSENT -> "consent";
            case AnswerForm.PAIN_POINTS -> tags.isEmpty() ? "rating-5" : tags.get(0).id();
            default -> "rating-5";
        };
    }

    /**
     * The message for a problem code ({@code error.<code>}), else for the field ({@code error.field.<field>}), else a
     * general one; {@code {0}} is the comment's maximum length.
     */
    static String message(MessageSource messages, String code, String field, int commentMaxLength, Locale locale) {
        Object[] args = {commentMaxLength};
        String message = messages.getMessage("error." + code, args, null, locale);
        if (message == null && !field.isEmpty()) {
            message = messages.getMessage("error.field." + field, args, null, locale);
        }
        return message != null ? message : messages.getMessage("error.general", args, locale);
    }
}
