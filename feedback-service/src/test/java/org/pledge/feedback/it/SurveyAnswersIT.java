package org.pledge.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.feedback.it.FeedbackTopic.Published;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.http.Problems;

/**
 * A survey answered through the public API, end to end on the real broker: a resolved case's link opens the survey,
 * the answer is recorded once (a retry is accepted, another answer is refused), published as {@code received} and, for
 * a low rating with consent, {@code follow-up-requested}; the caseworker reads it back masked. Forged and reused links
 * get their problems. (Expired links: {@link ExpiredSurveyLinkIT}.)
 */
class SurveyAnswersIT extends FeedbackServiceITSupport {

    private static final String HOSTILE_COMMENT = "<script>alert(1)</script><p>Too slow!</p> Call me at +1 514 555 0123 "
            + "or <a href=\\\"javascript:steal()\\\">marie@example.org</a>";

    @Test
    void lowRatingWithConsent_isRecordedOnce_publishedAndFollowedUp() {
        InvitedCase invited = invitedCase(freshServiceType("A"), "fr-CA", false);
        String path = "/api/surveys/" + invited.token();
        String address = "192.0.2.21";

        ApiResponse opened = getFrom(address, path);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        JsonNode form = opened.json();
        assertThat(form.path("serviceType").asText()).isEqualTo(invited.serviceType());
        assertThat(form.path("language").asText()).isEqualTo("fr-CA");
        assertThat(form.path("painPointTags").toString()).contains("waiting-time");

        String answer = """
                {"rating":1,"effort":6,"comment":"%s","painPoints":["waiting-time"],"consentToContact":true}""".formatted(HOSTILE_COMMENT);
        ApiResponse first = postFrom(address, path + "/responses", answer);
        ApiResponse retry = postFrom(address, path + "/responses", answer);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("followUpRequested").asBoolean()).isTrue();
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        String feedbackId = first.json().path("feedbackId").asText();
        assertThat(retry.json().path("feedbackId").asText()).isEqualTo(feedbackId);
        JsonNode used = Problems.assertProblem(postFrom(address, path + "/responses", answer.replace("\"rating\":1", "\"rating\":2")),
                409, "survey.token-used");
        assertThat(used.toString()).doesNotContain(invited.token()); // a credential: not repeated

        List<Published> published = awaitPublished(invited.caseId(),
                records -> FeedbackTopic.count(records, RECEIVED) >= 1 && FeedbackTopic.count(records, FOLLOW_UP_REQUESTED) >= 1);
        JsonNode received = published.stream().filter(r -> RECEIVED.equals(r.type())).findFirst().orElseThrow().data();
        assertThat(received.path("feedbackId").asText()).isEqualTo(feedbackId);
        assertThat(received.path("invitationId").asText()).isEqualTo(invited.invitationId());
        assertThat(received.path("channel").asText()).isEqualTo("SURVEY_LINK");
        assertThat(received.path("timeliness").asText()).isEqualTo("LATE");
        assertThat(received.path("commented").asBoolean()).isTrue();
        // no comment in the figures: neither its phone number nor its address (not "514" alone: receivedAt's nanoseconds
        // held it once)
        assertThat(received.has("comment")).isFalse();
        assertThat(received.toString()).doesNotContain("555 0123").doesNotContain("5550123").doesNotContain("marie");
        JsonNode followUp = published.stream().filter(r -> FOLLOW_UP_REQUESTED.equals(r.type())).findFirst().orElseThrow().data();
        assertThat(followUp.path("feedbackId").asText()).isEqualTo(feedbackId);
        assertThat(followUp.path("applicantReference").asText()).isEqualTo(invited.subjectRef());
        assertThat(followUp.path("language").asText()).isEqualTo("fr-CA");
        assertThat(followUp.path("rating").asInt()).isEqualTo(1);
        assertThat(followUp.path("reason").asText()).isEqualTo("low-rating");
        // the retry and the refused answer published nothing more
        assertThat(FeedbackTopic.count(published, RECEIVED)).isEqualTo(1);

        JsonNode listed = api.awaitJson("/api/feedback?caseId=" + invited.caseId(), caseworkerToken(), json -> json.path("total").asInt() == 1);
        JsonNode item = listed.path("items").get(0);
        assertThat(item.path("comment").asText()).isEqualTo("Too slow!\nCall me at [phone] or [email]");
        assertThat(item.path("rating").asInt()).isEqualTo(1);
        assertThat(item.path("effort").asInt()).isEqualTo(6);
        assertThat(item.path("channel").asText()).isEqualTo("SURVEY_LINK");
        assertThat(item.path("consentToContact").asBoolean()).isTrue();
        // once the invitation knows it was answered, the link opens no survey: and the same answer is still accepted
        org.pledge.testsupport.await.Eventually.await("the link reported used", DELIVERY)
                .until(() -> getFrom("192.0.2.25", path).status() == 409);
        assertThat(postFrom(address, path + "/responses", answer).status()).isEqualTo(200);
    }

    @Test
    void highRating_requestsNoFollowUp() {
        InvitedCase invited = invitedCase(freshServiceType("A"), "en-CA", true);
        ApiResponse first = postFrom("192.0.2.22", "/api/surveys/" + invited.token() + "/responses", "{\"rating\":5}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("followUpRequested").asBoolean()).isFalse();
        List<Published> published = awaitPublished(invited.caseId(), records -> FeedbackTopic.count(records, RECEIVED) >= 1);
        assertThat(FeedbackTopic.count(published, FOLLOW_UP_REQUESTED)).isZero();
        assertThat(published.stream().filter(r -> RECEIVED.equals(r.type())).findFirst().orElseThrow().data().path("timeliness").asText())
                .isEqualTo("ON_TIME");
    }

    @Test
    void forgedOrTamperedToken_isNotFound() {
        InvitedCase invited = invitedCase(freshServiceType("A"), "en-CA", true);
        String token = invited.token();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        Problems.assertProblem(getFrom("192.0.2.23", "/api/surveys/" + tampered), 404, "survey.token-invalid");
        Problems.assertProblem(postFrom("192.0.2.23", "/api/surveys/" + tampered + "/responses", "{\"rating\":4}"), 404,
                "survey.token-invalid");
        Problems.assertProblem(postFrom("192.0.2.23", "/api/surveys/forged/responses", "{\"rating\":4}"), 404, "survey.token-invalid");
        // nothing was recorded for the case
        assertThat(postFrom("192.0.2.23", "/api/surveys/" + token + "/responses", "{\"rating\":4}").status()).isEqualTo(201);
    }

    @Test
    void badAnswer_isUnprocessable_andLeavesTheLinkUnused() {
        InvitedCase invited = invitedCase(freshServiceType("A"), "en-CA", true);
        String path = "/api/surveys/" + invited.token() + "/responses";
        Problems.assertProblem(postFrom("192.0.2.24", path, "{\"rating\":0}"), 422, "feedback.rating-out-of-range");
        Problems.assertProblem(postFrom("192.0.2.24", path, "{\"rating\":3,\"effort\":8}"), 422, "feedback.effort-out-of-range");
        Problems.assertProblem(postFrom("192.0.2.24", path, "{\"rating\":3,\"painPoints\":[\"nope\"]}"), 422, "feedback.unknown-pain-point");
        assertThat(postFrom("192.0.2.24", path, "{\"rating\":3}").status()).isEqualTo(201);
    }
}
