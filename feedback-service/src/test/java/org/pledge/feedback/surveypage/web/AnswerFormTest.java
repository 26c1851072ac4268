package org.pledge.feedback.surveypage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledge.feedback.feedback.api.SurveyAnswers.SurveyAnswer;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class AnswerFormTest {

    @Test
    void from_readsEveryField_andCountsALineBreakAsOneCharacter() {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("rating", "1");
        fields.add("effort", "7");
        fields.add("comment", "Line one\r\nLine two");
        fields.addAll("painPoints", List.of("waiting-time", "forms", "waiting-time", " "));
        fields.add("consent", "yes");

        AnswerForm form = AnswerForm.from(fields);

        assertThat(form.problems()).isEmpty();
        // "Line one" (8) + LF (1) + "Line two" (8) = 17 characters, as typed
        assertThat(form.toAnswer()).isEqualTo(new SurveyAnswer(1, 7, "Line one\nLine two", List.of("waiting-time", "forms"), true));
        assertThat(form.toAnswer().comment()).hasSize(17);
    }

    @Test
    void from_leavesTheOptionalFieldsOut_whenBlank() {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("rating", "4");
        fields.add("effort", "");
        fields.add("comment", "  ");
        fields.add("consent", "on");

        assertThat(AnswerForm.from(fields).toAnswer()).isEqualTo(new SurveyAnswer(4, null, null, List.of(), false));
    }

    @Test
    void problems_nameTheRatingAndEffort_whenMissingOrNotNumbers() {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("effort", "seven");
        assertThat(AnswerForm.from(fields).problems()).isEqualTo(Map.of(
                "rating", "feedback.rating-required", "effort", "feedback.effort-out-of-range"));

        fields.set("rating", "-1");
        fields.set("effort", "123");
        assertThat(AnswerForm.from(fields).problems()).isEqualTo(Map.of(
                "rating", "feedback.rating-out-of-range", "effort", "feedback.effort-out-of-range"));
    }

    @Test
    void problems_leaveTheRangeToTheAnswersRules() {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("rating", "9");
        AnswerForm form = AnswerForm.from(fields);
        assertThat(form.problems()).isEmpty();
        assertThat(form.toAnswer().rating()).isEqualTo(9);
    }
}
