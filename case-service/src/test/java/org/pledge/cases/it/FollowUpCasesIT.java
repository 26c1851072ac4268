package org.pledge.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.CaseIds;
import org.pledge.contracts.SchemaCheck;
import org.pledge.contracts.Topics;
import org.pledge.testsupport.http.ApiResponse;

/**
 * Follow-up cases: opened once from feedback-service's {@code pledge.feedback.follow-up-requested.v1} (both forms of
 * v1), owned by the earlier case's channel, and opened by a caseworker through the API once per Idempotency-Key.
 */
class FollowUpCasesIT extends CaseServiceITSupport {

    @Test
    void followUpRequest_deliveredTwice_opensOneLinkedCase() throws Exception {
        String previous = submit("PASSPORT", Map.of());
        awaitCase(previous, caseworkerToken(), c -> true);
        String followUpId = "fu-" + UUID.randomUUID();
        String request = """
                {"followUpId":"%s","caseId":"%s","serviceType":"PASSPORT","reason":"Low score","requestedAt":"2026-03-02T14:00:00Z"}
                """.formatted(followUpId, previous);
        String ceId = "ce-" + UUID.randomUUID();
        CaseTopic.sendCloudEvent(Topics.FEEDBACK, previous, ceId, "pledge.feedback.follow-up-requested.v1", request);
        CaseTopic.sendCloudEvent(Topics.FEEDBACK, previous, ceId, "pledge.feedback.follow-up-requested.v1", request); // redelivery
        CaseTopic.sendCloudEvent(Topics.FEEDBACK, previous, "ce-" + UUID.randomUUID(), "pledge.feedback.follow-up-requested.v1",
                request); // published twice
        // a later request on the same key (partition) proves the three above were consumed before we count
        String markerId = "fu-marker-" + UUID.randomUUID();
        CaseTopic.sendCloudEvent(Topics.FEEDBACK, previous, "ce-" + UUID.randomUUID(), "pledge.feedback.follow-up-requested.v1",
                request.replace(followUpId, markerId));

        String followUp = CaseIds.forFollowUp(followUpId);
        String marker = CaseIds.forFollowUp(markerId);
        JsonNode earlier = awaitCase(previous, caseworkerToken(), c -> c.path("links").path("followUpCases").size() >= 2);
        List<String> links = new ArrayList<>();
        earlier.path("links").path("followUpCases").forEach(l -> links.add(l.asText()));
        assertThat(links).containsExactlyInAnyOrder("/api/cases/" + followUp, "/api/cases/" + marker);

        JsonNode opened = awaitCase(followUp, caseworkerToken(), c -> true);
        assertThat(opened.path("channel").asText()).isEqualTo("FOLLOW_UP");
        assertThat(opened.path("links").path("previousCase").asText()).isEqualTo("/api/cases/" + previous);
        JsonNode history = get("/api/cases/" + followUp + "/history", caseworkerToken()).json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("actor").asText()).isEqualTo("feedback-service");
        assertThat(history.get(0).path("client").asText()).isEqualTo(Topics.FEEDBACK);
        assertThat(history.get(0).path("channel").asText()).isEqualTo("FOLLOW_UP");
        assertThat(history.get(0).path("correlationId").asText()).isEqualTo(ceId);
        assertThat(history.get(0).path("details").path("followUpReason").asText()).isEqualTo("low-score");

        List<ConsumerRecord<String, byte[]>> published = CaseTopic.await(followUp, 1);
        SchemaCheck.assertValid("pledge.case.submitted.v1", published.get(0).value());
        assertThat(JSON.readTree(published.get(0).value()).path("channel").asText()).isEqualTo("FOLLOW_UP");
    }

    @Test
    void followUp_belongsToTheChannelOfTheEarlierCase_whileItsHistoryShowsFeedbackServiceOpenedIt() throws Exception {
        String previous = submit("PASSPORT", Map.of()); // by the channel web-portal
        String followUpId = "fu-own-" + UUID.randomUUID();
        // the form with the four fields added within v1 (the test above sends the first form)
        CaseTopic.sendCloudEvent(Topics.FEEDBACK, previous, "ce-" + UUID.randomUUID(), "pledge.feedback.follow-up-requested.v1", """
                {"followUpId":"%s","caseId":"%s","reason":"low-score","requestedAt":"2026-03-02T14:00:00Z",
                 "feedbackId":"fb-1","applicantReference":"ref-42","language":"fr-CA","rating":1}
                """.formatted(followUpId, previous));
        String followUp = CaseIds.forFollowUp(followUpId);
        String other = TOKENS.token("partner-x", "channel");

        JsonNode own = awaitCase(followUp, channelToken(), c -> true);
        assertThat(own.path("links").path("previousCase").asText()).isEqualTo("/api/cases/" + previous);
        assertThat(get("/api/cases?size=200", channelToken()).body()).contains(followUp).contains(previous);
        assertThat(get("/api/cases/" + followUp, other).status()).isEqualTo(404); // as any other channel's case
        assertThat(get("/api/cases/" + previous, other).status()).isEqualTo(404);
        assertThat(get("/api/cases?size=200", other).body()).doesNotContain(followUp);

        JsonNode history = get("/api/cases/" + followUp + "/history", TOKENS.token("auditor-1", "auditor")).json();
        assertThat(history.get(0).path("actor").asText()).isEqualTo("feedback-service");
        assertThat(history.get(0).path("details").path("owner").asText()).isEqualTo("web-portal");

        // acting on it follows the same rule: the owning channel may withdraw it, another channel finds no such case
        assertThat(transition(followUp, "withdrawal", other, "{\"reason\":\"not mine\"}").status()).isEqualTo(404);
        ApiResponse withdrawn = transition(followUp, "withdrawal", channelToken(), "{\"reason\":\"resolved by phone\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(204);
        assertThat(awaitCase(followUp, channelToken(), c -> c.path("status").asText().equals("WITHDRAWN"))
                .path("withdrawal").path("withdrawnBy").asText()).isEqualTo("CHANNEL");
    }

    // ------------------------------------------------------------------ bounded input: the happy paths
    @Test
    void aCaseworker_opensAFollowUp_onTheEarlierCase_once_perKey() {
        String previous = submit("PASSPORT", Map.of());
        String key = "fu-" + UUID.randomUUID();
        String body = "{\"reasonCode\":\"client-called-back\"}";
        ApiResponse first = post("/api/cases/" + previous + "/follow-ups", caseworkerToken(), body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String followUp = first.json().path("caseId").asText();
        assertThat(first.header("Location")).isEqualTo("/api/cases/" + followUp);

        ApiResponse retry = post("/api/cases/" + previous + "/follow-ups", caseworkerToken(), body, Map.of("Idempotency-Key", key));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("caseId").asText()).isEqualTo(followUp);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        ApiResponse reused = post("/api/cases/" + previous + "/follow-ups", caseworkerToken(), "{\"reasonCode\":\"other\"}",
                Map.of("Idempotency-Key", key));
        assertThat(reused.status()).isEqualTo(409);

        JsonNode opened = awaitCase(followUp, caseworkerToken(), c -> true);
        assertThat(opened.path("channel").asText()).isEqualTo("FOLLOW_UP");
        assertThat(opened.path("links").path("previousCase").asText()).isEqualTo("/api/cases/" + previous);
        // the follow-up belongs to the earlier case's owner: that channel sees it
        assertThat(get("/api/cases/" + followUp, channelToken()).status()).isEqualTo(200);
        JsonNode earlier = awaitCase(previous, caseworkerToken(), c -> c.path("links").path("followUpCases").size() == 1);
        assertThat(earlier.path("links").path("followUpCases").get(0).asText()).isEqualTo("/api/cases/" + followUp);
        JsonNode history = get("/api/cases/" + followUp + "/history", caseworkerToken()).json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("actor").asText()).isEqualTo("cw-1");
        assertThat(history.get(0).path("details").path("followUpReason").asText()).isEqualTo("client-called-back");
    }
}
