package org.pledge.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.http.Problems;

/**
 * Channel feedback over HTTP and the broker: recorded once per channel client and Idempotency-Key, published as
 * {@code received} without its comment; a reused key with another answer is 409; bad answers are 422.
 */
class ChannelFeedbackIT extends FeedbackServiceITSupport {

    private static String body(String serviceType, int rating, String comment) {
        return """
                {"channel":"KIOSK","serviceType":"%s","rating":%d,"effort":3,"comment":%s,"painPoints":["waiting-time"],
                 "consentToContact":true}""".formatted(serviceType, rating, comment == null ? "null" : "\"" + comment + "\"");
    }

    @Test
    void channelFeedback_isRecordedOnce_andPublishedWithoutItsComment() {
        String type = freshServiceType("K");
        String key = UUID.randomUUID().toString();
        String body = body(type, 2, "<b>Slow</b>, call me at 514-555-0123");

        ApiResponse first = post("/api/feedback", channelToken(), body, key);
        ApiResponse again = post("/api/feedback", channelToken(), body, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        String feedbackId = first.json().path("feedbackId").asText();
        assertThat(again.json().path("feedbackId").asText()).isEqualTo(feedbackId);
        assertThat(first.json().path("timeliness").asText()).isEqualTo("OPEN");
        assertThat(first.json().path("followUpRequested").asBoolean()).isFalse(); // no known client to contact

        var published = awaitPublished(feedbackId, records -> FeedbackTopic.count(records, RECEIVED) >= 1);
        JsonNode received = published.stream().filter(r -> RECEIVED.equals(r.type())).findFirst().orElseThrow().data();
        assertThat(received.path("serviceType").asText()).isEqualTo(type);
        assertThat(received.path("channel").asText()).isEqualTo("KIOSK");
        assertThat(received.path("rating").asInt()).isEqualTo(2);
        assertThat(received.path("commented").asBoolean()).isTrue();
        assertThat(received.has("comment")).isFalse();
        assertThat(received.toString()).doesNotContain("514");
    }

    @Test
    void sameKeyWithAnotherAnswer_isAConflict_andAnotherClientsSameKeyIsItsOwn() {
        String type = freshServiceType("K");
        String key = UUID.randomUUID().toString();
        assertThat(post("/api/feedback", channelToken(), body(type, 4, null), key).status()).isEqualTo(201);

        Problems.assertProblem(post("/api/feedback", channelToken(), body(type, 5, null), key), 409, "feedback.idempotency-key-reused");
        assertThat(post("/api/feedback", channelToken("call-centre-1"), body(type, 5, null), key).status()).isEqualTo(201);
    }

    @Test
    void badAnswers_areUnprocessable_withTheirField() {
        String type = freshServiceType("K");
        assertThat(Problems.assertProblem(post("/api/feedback", channelToken(), body(type, 6, null), UUID.randomUUID().toString()), 422,
                "feedback.rating-out-of-range").path("field").asText()).isEqualTo("rating");
        assertThat(Problems.assertProblem(post("/api/feedback", channelToken(),
                body(type, 3, null).replace("waiting-time", "no-such-tag"), UUID.randomUUID().toString()), 422,
                "feedback.unknown-pain-point").path("field").asText()).isEqualTo("painPoints[0]");
        Problems.assertProblem(post("/api/feedback", channelToken(), body(type, 3, "x".repeat(2001)), UUID.randomUUID().toString()), 422,
                "feedback.comment-too-long");
        Problems.assertProblem(post("/api/feedback", channelToken(), body(type, 3, null).replace("\"serviceType\":\"" + type + "\",", ""),
                UUID.randomUUID().toString()), 422, "feedback.service-type-required");
        Problems.assertProblem(post("/api/feedback", channelToken(), body(type, 3, null), null), 400, null);
    }

    @Test
    void painPointTags_areSeeded_andAPutOfTheSameContentChangesNothing() {
        JsonNode seeded = api.awaitJson("/api/pain-point-tags", adminToken(), json -> json.path("version").asInt() >= 1);
        assertThat(seeded.path("tags").toString()).contains("waiting-time");
        String list = """
                {"tags":[{"code":"waiting-time","labels":{"en":"Waiting time","fr":"Temps d'attente"}},
                         {"code":"parking","labels":{"en":"Parking","fr":"Stationnement"}}]}""";
        ApiResponse put = api.put("/api/pain-point-tags", adminToken(), list);
        ApiResponse again = api.put("/api/pain-point-tags", adminToken(), list);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(again.json().path("version").asInt()).isEqualTo(put.json().path("version").asInt());
        Problems.assertProblem(api.put("/api/pain-point-tags", adminToken(), """
                {"tags":[{"code":"Bad Code","labels":{"en":"x","fr":"y"}}]}"""), 422, "feedback.invalid-pain-point-tags");
        assertThat(api.put("/api/pain-point-tags", channelToken(), list).status()).isEqualTo(403);
    }
}
