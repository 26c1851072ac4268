package org.pledge.feedback.surveypage.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pledge.feedback.feedback.api.SurveyAnswers.SurveyAnswer;
import org.springframework.util.MultiValueMap;

/**
 * The survey form's fields as the browser sent them (kept as typed, to show them again with the errors).
 *
 * @param rating     "1" to "5", or blank
 * @param effort     "1" to "7", or blank (optional)
 * @param painPoints the ticked tags' codes
 * @param consent    the client may be contacted about the answer
 */
record AnswerForm(String rating, String effort, String comment, List<String> painPoints, boolean consent) {

    static final String RATING = "rating";
    static final String EFFORT = "effort";
    static final String COMMENT = "comment";
    static final String PAIN_POINTS = "painPoints";
    static final String CONSENT = "consent";

    static AnswerForm empty() {
        return new AnswerForm("", "", "", List.of(), false);
    }

    static AnswerForm from(MultiValueMap<String, String> fields) {
        List<String> painPoints = new ArrayList<>();
        for (String code : fields.getOrDefault(PAIN_POINTS, List.of())) {
            if (code != null && !code.isBlank() && !painPoints.contains(code.strip())) {
                painPoints.add(code.strip());
            }
        }
        // a browser sends each line break in a textarea as CR LF: count it as the one character the client typed
        String comment = first(fields, COMMENT).replace("\r\n", "\n");
        return new AnswerForm(first(fields, RATING), first(fields, EFFORT), comment,
                List.copyOf(painPoints), "yes".equals(first(fields, CONSENT)));
    }

    /** The form's own checks (a rating chosen, numbers that are numbers), by field, as message codes. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (rating.isBlank()) {
            problems.put(RATING, "feedback.rating-required");
        } else if (number(rating) == null) {
            problems.put(RATING, "feedback.rating-out-of-range");
        }
        if (!effort.isBlank() && number(effort) == null) {
            problems.put(EFFORT, "feedback.effort-out-of-range");
        }
        return problems;
    }

    /** The answer, once {@link #problems()} is empty; the ranges, tags and comment length are the answer's rules. */
    SurveyAnswer toAnswer() {
        return new SurveyAnswer(number(rating), effort.isBlank() ? null : number(effort),
                comment.isBlank() ? null : comment, painPoints, consent);
    }

    private static Integer number(String value) {
        String digits = value.strip();
        if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.valueOf(digits);
    }

    private static String first(MultiValueMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value;
    }
}
