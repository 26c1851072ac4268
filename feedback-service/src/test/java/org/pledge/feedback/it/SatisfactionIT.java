package org.pledge.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.pledge.feedback.feedback.api.FeedbackChannel;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.feedback.it.FeedbackTopic.Published;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The satisfaction figures and alerts of answers recorded in the event store (as the feedback feature records them),
 * seen through the HTTP API and on {@code pledge.feedback.v1}. Each test has a service type of its own.
 */
class SatisfactionIT extends FeedbackServiceITSupport {

    @Autowired
    EventGateway events;

    private FeedbackReceivedEvent answer(String serviceType, FeedbackChannel channel, int rating, Integer effort, List<String> painPoints,
                                         Timeliness timeliness) {
        String feedbackId = UUID.randomUUID().toString();
        return new FeedbackReceivedEvent(feedbackId, null, freshCaseId(), serviceType, channel, rating, effort, null, painPoints, false,
                timeliness, "anonymous:" + feedbackId, "en", clock.instant());
    }

    /** Records the answer as the feedback feature does: in a unit of work, committed before the call returns. */
    private void record(FeedbackReceivedEvent answer) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(answer));
    }

    /** Channel feedback through the real API ({@code POST /api/feedback}), as a call-centre agent gives it. */
    private void answerAtTheCallCentre(String serviceType, int rating) {
        String body = """
                {"channel":"CALL_CENTRE","serviceType":"%s","rating":%d,"painPoints":[],"consentToContact":false}"""
                .formatted(serviceType, rating);
        ApiResponse response = post("/api/feedback", channelToken("call-centre-1"), body, UUID.randomUUID().toString());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private JsonNode figures(String query) {
        ApiResponse response = get("/api/satisfaction?" + query, operationsToken());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void figures_countEachAnswerOnce_perWindowChannelAndTimeliness() {
        String type = freshServiceType("FIG");
        record(answer(type, FeedbackChannel.SURVEY_LINK, 5, 2, List.of("waiting-time"), Timeliness.ON_TIME));
        record(answer(type, FeedbackChannel.SURVEY_LINK, 4, null, List.of("waiting-time", "unclear-letter"), Timeliness.ON_TIME));
        record(answer(type, FeedbackChannel.KIOSK, 2, 6, List.of("waiting-time"), Timeliness.LATE));

        Eventually.await("three answers counted", DELIVERY)
                .until(() -> figures("serviceType=" + type + "&window=PT1H").path("windows").path(0).path("figures").path("volume").asLong() == 3);
        JsonNode all = figures("serviceType=" + type);
        // 3 answers: 2 of them 4-5 → CSAT 66.67; ratings 5+4+2 = 11 → 3.67; efforts 2 and 6 → 4.00 over 2
        for (int w = 0; w < 3; w++) {
            JsonNode window = all.path("windows").path(w);
            assertThat(window.path("window").asText()).isEqualTo(List.of("PT1H", "P1D", "P30D").get(w));
            assertThat(window.path("figures").path("volume").asLong()).isEqualTo(3);
            assertThat(window.path("figures").path("csat").decimalValue()).isEqualByComparingTo("66.67");
            assertThat(window.path("figures").path("meanRating").decimalValue()).isEqualByComparingTo("3.67");
            assertThat(window.path("figures").path("meanEffort").decimalValue()).isEqualByComparingTo("4.00");
            assertThat(window.path("figures").path("topPainPoints").path(0).path("code").asText()).isEqualTo("waiting-time");
            assertThat(window.path("figures").path("topPainPoints").path(0).path("count").asLong()).isEqualTo(3);
            assertThat(window.path("byTimeliness").path("onTime").path("csat").decimalValue()).isEqualByComparingTo("100.00");
            assertThat(window.path("byTimeliness").path("late").path("csat").decimalValue()).isEqualByComparingTo("0.00");
            assertThat(window.path("byTimeliness").path("open").path("volume").asLong()).isZero();
            assertThat(window.path("byTimeliness").path("open").path("csat").isNull()).isTrue();
        }
        assertThat(all.path("series")).hasSize(30);
        assertThat(all.path("series").path(29).path("figures").path("volume").asLong()).isEqualTo(3);
        JsonNode kiosk = figures("serviceType=" + type + "&channel=KIOSK&window=P1D");
        assertThat(kiosk.path("windows").path(0).path("figures").path("volume").asLong()).isEqualTo(1);
        assertThat(kiosk.path("series").isNull()).isTrue();

        JsonNode painPoints = get("/api/pain-points?serviceType=" + type, operationsToken()).json();
        assertThat(painPoints.path("answers").asLong()).isEqualTo(3);
        assertThat(painPoints.path("painPoints").toString())
                .isEqualTo("[{\"code\":\"waiting-time\",\"count\":3},{\"code\":\"unclear-letter\",\"count\":1}]");
    }

    @Test
    void figures_areRebuiltTheSame_whenOperatorsReplayTheProjection() {
        String type = freshServiceType("REP");
        record(answer(type, FeedbackChannel.WEB_FORM, 5, null, List.of(), Timeliness.OPEN));
        record(answer(type, FeedbackChannel.WEB_FORM, 1, null, List.of(), Timeliness.OPEN));
        Eventually.await("two answers counted", DELIVERY)
                .until(() -> figures("serviceType=" + type + "&window=P30D").path("windows").path(0).path("figures").path("volume").asLong() == 2);

        ApiResponse replay = api.post("/ops/processors/satisfaction-figures/replay", token("admin"), "");
        assertThat(replay.status()).as(replay.body()).isIn(200, 202);
        String marker = freshServiceType("MRK");
        record(answer(marker, FeedbackChannel.WEB_FORM, 3, null, List.of(), Timeliness.OPEN));
        Eventually.await("the replay caught up", DELIVERY)
                .until(() -> figures("serviceType=" + marker + "&window=P30D").path("windows").path(0).path("figures").path("volume").asLong() == 1);

        JsonNode after = figures("serviceType=" + type + "&window=P30D").path("windows").path(0).path("figures");
        assertThat(after.path("volume").asLong()).isEqualTo(2);
        assertThat(after.path("csat").decimalValue()).isEqualByComparingTo("50.00");
    }

    /**
     * Default rule: threshold 70, recovery 80, the last 50 answers, at least 20. 20 ones: CSAT 0.00 over 20 → alert 1.
     * Then fives: after 40 the window is 10 ones + 40 fives = 80.00 (not above 80); the 41st gives 41/50 = 82.00 → cleared.
     * 4 more fives (window: 5 ones, 45 fives), then ones: the first 5 push ones out (90.00); the 16th gives 34/50 = 68.00 →
     * alert 2.
     */
    @Test
    void alert_isRaisedAndClearedOnce_eachTime_onTheBrokerAndInTheApi() {
        String type = freshServiceType("ALR");
        List<Integer> ratings = new ArrayList<>();
        ratings.addAll(java.util.Collections.nCopies(20, 1));
        ratings.addAll(java.util.Collections.nCopies(45, 5));
        ratings.addAll(java.util.Collections.nCopies(16, 1));
        ratings.forEach(r -> answerAtTheCallCentre(type, r));

        List<Published> published = awaitPublished(type,
                records -> FeedbackTopic.count(records, SATISFACTION_ALERT) >= 2 && FeedbackTopic.count(records, SATISFACTION_RECOVERED) >= 1);
        assertThat(published).extracting(Published::type).containsExactly(SATISFACTION_ALERT, SATISFACTION_RECOVERED, SATISFACTION_ALERT);
        JsonNode first = published.get(0).data();
        JsonNode recovered = published.get(1).data();
        JsonNode second = published.get(2).data();
        assertThat(first.path("csat").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(first.path("answers").asInt()).isEqualTo(20);
        assertThat(first.path("threshold").decimalValue()).isEqualByComparingTo("70");
        assertThat(first.path("basis").asText()).isEqualTo("last-50-answers");
        assertThat(recovered.path("alertId").asText()).isEqualTo(first.path("alertId").asText());
        assertThat(recovered.path("csat").decimalValue()).isEqualByComparingTo("82.00");
        assertThat(recovered.path("threshold").decimalValue()).isEqualByComparingTo("80");
        assertThat(second.path("alertId").asText()).isNotEqualTo(first.path("alertId").asText());
        assertThat(second.path("csat").decimalValue()).isEqualByComparingTo("68.00");
        assertThat(published.get(0).subject()).isEqualTo(type);

        JsonNode alerts = Eventually.await("the alerts listed", DELIVERY).until(
                () -> get("/api/satisfaction-alerts", operationsToken()).json(),
                json -> json.path("recent").findValuesAsText("alertId").contains(first.path("alertId").asText())
                        && json.path("open").findValuesAsText("alertId").contains(second.path("alertId").asText()));
        assertThat(alerts.path("open").findValuesAsText("serviceType").stream().filter(type::equals)).hasSize(1);
    }

    /**
     * Informal: how long an answer takes from the 201 of {@code POST /api/feedback} to the figures (printed, not asserted:
     * the benchmark measures it).
     */
    @Test
    void figures_showAnAnswerSoonAfterItIsRecorded() {
        String type = freshServiceType("LAG");
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            int expected = i;
            answerAtTheCallCentre(type, 4);
            Instant sent = Instant.now();
            Eventually.await("answer " + i + " counted", DELIVERY).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(() -> figures(
                    "serviceType=" + type + "&window=PT1H").path("windows").path(0).path("figures").path("volume").asLong() == expected);
            millis.add(Duration.between(sent, Instant.now()).toMillis());
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("satisfaction figure visible after: p50 %d ms, max %d ms (20 answers, one at a time)%n",
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        assertThat(millis).hasSize(20);
    }

    @Test
    void badParameters_getProblems_neverA500() {
        get("/api/satisfaction?window=PT2H", operationsToken()).assertProblem(400, "satisfaction.unknown-window");
        get("/api/satisfaction?channel=FAX", operationsToken()).assertProblem(400, "satisfaction.unknown-channel");
        get("/api/satisfaction?serviceType=%3Cscript%3E", operationsToken()).assertProblem(400, "satisfaction.invalid-service-type");
        get("/api/pain-points?window=P7D", operationsToken()).assertProblem(400, "satisfaction.unknown-window");
        assertThat(get("/api/satisfaction", caseworkerToken()).status()).isEqualTo(403);
        assertThat(get("/api/satisfaction-alerts", auditorToken()).status()).isEqualTo(200);
    }
}
