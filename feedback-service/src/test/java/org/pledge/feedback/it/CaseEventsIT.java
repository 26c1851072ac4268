package org.pledge.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.CaseEventSamples.submitted;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedWithoutCaseId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.feedback.it.FeedbackTopic.Published;
import org.pledge.feedback.survey.api.KnownCases;
import org.pledge.feedback.survey.api.SurveyInvitationIds;
import org.pledge.feedback.survey.api.SurveyLinks;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.feedback.survey.api.VerifiedInvitation;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.messaging.CaseEventSamples;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Case events reach feedback-service's survey invitations through the real broker and show in its HTTP API: once, however
 * often they are delivered, and a poison message is parked without holding up the next one. A resolved case's client is
 * invited once ({@code pledge.feedback.survey-invited.v1} with a link that verifies), a withdrawn case's or an erased
 * client's never. Every record goes to partition 0, so a later record's effect proves the earlier ones were consumed;
 * invitations are published in the order they were made, so a later case's invitation on the topic proves the earlier
 * ones were published.
 */
class CaseEventsIT extends FeedbackServiceITSupport {

    @Autowired
    SurveyLinks links;
    @Autowired
    KnownCases knownCases;

    @Test
    void resolvedCase_isInvited_withALinkThatVerifies() {
        String type = freshServiceType("S");
        String caseId = freshCaseId();
        String subject = freshSubject();
        submitCase(caseId, type, subject, "fr-CA");
        resolveCase(caseId, type, subject, "fr-CA", true);

        Published invited = awaitPublished(caseId, records -> FeedbackTopic.count(records, SURVEY_INVITED) >= 1).stream()
                .filter(r -> SURVEY_INVITED.equals(r.type())).findFirst().orElseThrow();

        JsonNode data = invited.data();
        assertThat(invited.key()).isEqualTo(caseId);
        assertThat(data.path("invitationId").asText()).isEqualTo(SurveyInvitationIds.forCase(caseId));
        assertThat(data.path("applicantReference").asText()).isEqualTo(subject);
        assertThat(data.path("language").asText()).isEqualTo("fr-CA");
        assertThat(data.path("preferredChannel").asText()).isEqualTo("EMAIL");
        assertThat(data.path("serviceType").asText()).isEqualTo(type);
        Instant invitedAt = Instant.parse(data.path("invitedAt").asText());
        Instant expiresAt = Instant.parse(data.path("expiresAt").asText());
        // pledge.surveys.expiry P14D from the invitation, in whole seconds (what the token carries)
        assertThat(Duration.between(invitedAt, expiresAt)).isBetween(Duration.ofDays(14).minusSeconds(1), Duration.ofDays(14));
        String link = data.path("link").asText();
        assertThat(link).startsWith("http://localhost:8082/surveys/").doesNotContain(caseId).doesNotContain(subject);
        String token = link.substring("http://localhost:8082/surveys/".length());
        assertThat(token).matches("[A-Za-z0-9_.-]{1,67}");

        VerifiedInvitation verified = Eventually.await("the invitation readable", DELIVERY).until(() -> verifies(token), v -> v != null);
        assertThat(verified).isEqualTo(new VerifiedInvitation(SurveyInvitationIds.forCase(caseId), caseId, type, "WEB", "fr-CA", subject,
                Timeliness.ON_TIME, expiresAt));
        assertThat(knownCases.find(caseId)).hasValue(new KnownCases.KnownCase(caseId, type, subject, "fr-CA", Timeliness.ON_TIME));
    }

    @Test
    void resolvedCase_isInvitedOnce_whenRedeliveredRepublishedBreachedOrReopenedAndResolvedAgain() {
        String type = freshServiceType("R");
        String caseId = freshCaseId();
        String subject = freshSubject();
        submitCase(caseId, type, subject, "en-CA");
        CloudEvent resolved = resolvedLate(ceId(), caseId, type, subject);
        sendCaseEvent(resolved);
        sendCaseEvent(resolved); // delivered again: same ce_id
        sendCaseEvent(resolvedLate(ceId(), caseId, type, subject)); // published again under a new id
        sendCaseEvent(CaseEventSamples.breached(ceId(), caseId, type, "120.00")); // pledge.surveys.invite-on-breach is false
        sendCaseEvent(CaseEventSamples.reopened(ceId(), caseId, type));
        sendCaseEvent(resolvedLate(ceId(), caseId, type, subject)); // resolved again

        awaitMarkerInvitation();
        List<Published> published = everythingPublishedFor(caseId);
        assertThat(FeedbackTopic.count(published, SURVEY_INVITED)).isEqualTo(1);
        assertThat(knownCases.find(caseId)).map(KnownCases.KnownCase::timeliness).hasValue(Timeliness.LATE);
    }

    @Test
    void withdrawnCase_isNeverInvited() {
        String type = freshServiceType("W");
        String caseId = freshCaseId();
        submitCase(caseId, type, freshSubject(), "fr-CA");
        sendCaseEvent(CaseEventSamples.withdrawn(ceId(), caseId, type));
        // a resolution arriving after the withdrawal (not one case-service makes) invites nobody either
        sendCaseEvent(CaseEventSamples.resolved(ceId(), caseId, type, "APPROVED", 0, null));

        awaitMarkerInvitation();
        assertThat(FeedbackTopic.count(everythingPublishedFor(caseId), SURVEY_INVITED)).isZero();
        assertThat(knownCases.find(caseId)).map(KnownCases.KnownCase::timeliness).hasValue(Timeliness.OPEN);
    }

    @Test
    void erasedClient_isNeverInvited() {
        String type = freshServiceType("E");
        String caseId = freshCaseId();
        String subject = freshSubject();
        submitCase(caseId, type, subject, "fr-CA");
        ApiResponse erased = api.send("DELETE", "/api/data-subjects/" + subject + "?reason=subject-request", adminToken(), null,
                Map.of());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        resolveCase(caseId, type, subject, "fr-CA", true);

        awaitMarkerInvitation();
        assertThat(FeedbackTopic.count(everythingPublishedFor(caseId), SURVEY_INVITED)).isZero();
        assertThat(knownCases.find(caseId)).hasValueSatisfying(known -> assertThat(known.applicantReference()).isNull());
    }

    private VerifiedInvitation verifies(String token) {
        try {
            return links.verify(token);
        } catch (org.pledge.feedback.survey.api.SurveyTokenException e) {
            return null; // the read model is a moment behind the publisher
        }
    }

    /** A case of its own, submitted and resolved after the test's events: once its invitation is out, theirs would be. */
    private void awaitMarkerInvitation() {
        invitedCase(freshServiceType("M"), "en-CA", true);
    }

    /** Every record of {@code key} on {@code pledge.feedback.v1}, read from the start up to the topic's end as it is now. */
    private static List<Published> everythingPublishedFor(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PledgeInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "feedback-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Published> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FEEDBACK).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Eventually.await("the end of " + Topics.FEEDBACK, DELIVERY).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(new Published(record.key(), null, header(record, "ce_type"), null, null));
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private CloudEvent resolvedLate(String ceId, String caseId, String type, String subject) {
        return new CloudEvent(ceId, CaseEventSamples.RESOLVED, CaseEventSamples.SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"%s","language":"en-CA",
                 "preferredChannel":"SMS","deadline":"2025-03-17T14:00:00Z","outcome":"APPROVED",
                 "resolvedAt":"2025-03-19T15:00:00Z","onTime":false,"latenessBusinessDays":2}""".formatted(caseId, type, subject));
    }

    @Test
    void caseSubmitted_isCountedOnce_whenDeliveredAgainOrRepublished() {
        // a service type of this test's own, so that the summary's count for it is this test's alone
        String type = freshServiceType("T");
        String caseId = UUID.randomUUID().toString();
        CloudEvent submitted = submitted("ce-" + UUID.randomUUID(), caseId, type, "120.00");
        sendCaseEvent(submitted);
        sendCaseEvent(submitted); // the broker delivers it again: same ce_id
        // published again, under a new id
        sendCaseEvent(submitted("ce-" + UUID.randomUUID(), caseId, type, "120.00"));
        String markerType = type + "-M";
        sendCaseEvent(submitted("ce-" + UUID.randomUUID(), UUID.randomUUID().toString(), markerType, "120.00"));

        Eventually.await("case events consumed", DELIVERY).until(() -> countOf(markerType) == 1);
        assertThat(countOf(type)).isEqualTo(1);
    }

    @Test
    void poisonMessage_isParked_withoutBlockingTheNextCase() {
        String poisonId = "poison-" + UUID.randomUUID();
        sendCaseEvent(submittedWithoutCaseId(poisonId));
        String nextType = freshServiceType("N");
        sendCaseEvent(submitted("ce-" + UUID.randomUUID(), UUID.randomUUID().toString(), nextType, "120.00"));

        Eventually.await("case events consumed", DELIVERY).until(() -> countOf(nextType) == 1);
        Eventually.await("the poison message parked", DELIVERY)
                .until(() -> get("/ops/dead-letters/" + Topics.CASE, operationsToken()).body().contains(poisonId));
    }

    private long countOf(String serviceType) {
        ApiResponse response = get("/api/feedback/summary", operationsToken());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("casesByServiceType").path(serviceType).asLong();
    }
}
