package org.pledge.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedReachableBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.messaging.FeedbackEventSamples;
import org.pledge.testsupport.messaging.GuaranteeEventSamples;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * guarantee-service's and feedback-service's events (recorded samples) reach the client through the real broker: a
 * refund approved, a survey invitation and a follow-up request are each told once, by email; the survey's link reaches
 * the client and is stored nowhere in clear; a follow-up request without its client tells nobody; a bad record on either
 * topic is parked and the next one goes on.
 */
class InboundTopicsIT extends NotificationServiceITSupport {

    @Autowired
    MongoDatabaseFactory databases;

    @Test
    void refundApproved_andSurveyInvited_areEachToldOnce_andTheSurveyLinkIsStoredNowhereInClear() throws Exception {
        String subject = "web-" + UUID.randomUUID();
        String email = "inbound-" + UUID.randomUUID() + "@example.org";
        String caseId = UUID.randomUUID().toString();
        String link = "https://feedback.example.gc.ca/surveys/" + UUID.randomUUID();
        sendCaseEvent(submittedReachableBy(ceId(), caseId, subject, "fr-CA", "EMAIL", email, null, null));
        awaitOnlyNotification(caseId, "DELIVERED");

        CloudEvent approved = GuaranteeEventSamples.refundApproved(ceId(), caseId, subject, "30.00");
        sendGuaranteeEvent(approved);
        sendGuaranteeEvent(approved); // delivered again
        sendFeedbackEvent(FeedbackEventSamples.surveyInvited(ceId(), caseId, subject, link));

        List<JsonNode> all = awaitNotifications(caseId, list -> list.size() == 3 && list.stream().allMatch(n -> hasStatus(n, "DELIVERED")));
        assertThat(all).extracting(n -> n.path("trigger").asText())
                .containsExactlyInAnyOrder("CASE_SUBMITTED", "REFUND_APPROVED", "SURVEY_INVITED");
        List<MimeMessage> received = awaitEmails(email, 3);
        assertThat(received).hasSize(3);
        assertThat(received.stream().filter(m -> body(m).contains(link)).count()).isEqualTo(1);
        assertThat(documentsContaining(link)).isEmpty();
    }

    @Test
    void followUpRequested_tellsTheClientSomeoneWillContactThem_inTheirLanguage_whileTheFirstFormTellsNobody() throws Exception {
        String subject = "web-" + UUID.randomUUID();
        String email = "follow-up-" + UUID.randomUUID() + "@example.org";
        String caseId = UUID.randomUUID().toString();
        sendCaseEvent(submittedReachableBy(ceId(), caseId, subject, "fr-CA", "EMAIL", email, null, null));
        awaitOnlyNotification(caseId, "DELIVERED");

        sendFeedbackEvent(FeedbackEventSamples.followUpRequestedFirstForm(ceId(), caseId)); // names nobody: nothing, and not parked
        CloudEvent request = FeedbackEventSamples.followUpRequested(ceId(), caseId, subject, "fr-CA");
        sendFeedbackEvent(request);
        sendFeedbackEvent(request); // delivered again

        List<JsonNode> all = awaitNotifications(caseId, list -> list.size() == 2 && list.stream().allMatch(n -> hasStatus(n, "DELIVERED")));
        assertThat(all).extracting(n -> n.path("trigger").asText()).containsExactlyInAnyOrder("CASE_SUBMITTED", "FOLLOW_UP_REQUESTED");
        List<MimeMessage> received = awaitEmails(email, 2);
        assertThat(received).hasSize(2);
        MimeMessage told = received.stream().filter(m -> body(m).contains("Une personne du service")).findFirst().orElseThrow();
        assertThat(body(told)).contains("demande de passeport (référence " + caseId + ")").contains("vous contactera");
        assertThat(told.getSubject()).isEqualTo("Votre demande de passeport : une personne va vous contacter");
        assertThat(get("/ops/dead-letters/" + Topics.FEEDBACK, operationsToken()).body()).doesNotContain(caseId);
    }

    @Test
    void badRecords_areParked_withoutBlockingTheNextOnes() {
        String subject = "web-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        sendCaseEvent(submittedReachableBy(ceId(), caseId, subject, "en-CA", "EMAIL", "bad-" + UUID.randomUUID() + "@example.org", null, null));
        awaitOnlyNotification(caseId, "DELIVERED");
        String badGuarantee = "poison-" + UUID.randomUUID();
        String badFeedback = "poison-" + UUID.randomUUID();
        sendGuaranteeEvent(new CloudEvent(badGuarantee, GuaranteeEventSamples.REFUND_PAID, GuaranteeEventSamples.SOURCE, caseId,
                "{\"amount\":\"30.00\"}"));
        sendFeedbackEvent(new CloudEvent(badFeedback, FeedbackEventSamples.SURVEY_INVITED, FeedbackEventSamples.SOURCE, caseId,
                "{\"link\":42}"));
        sendGuaranteeEvent(GuaranteeEventSamples.refundPaid(ceId(), caseId, subject, "30.00"));
        sendFeedbackEvent(FeedbackEventSamples.surveyInvited(ceId(), caseId, subject, "https://feedback.example.gc.ca/s/" + UUID.randomUUID()));

        awaitNotifications(caseId, list -> list.size() == 3);
        Eventually.await("the bad records parked", DELIVERY).until(() ->
                get("/ops/dead-letters/" + Topics.GUARANTEE, operationsToken()).body().contains(badGuarantee)
                        && get("/ops/dead-letters/" + Topics.FEEDBACK, operationsToken()).body().contains(badFeedback));
    }

    private static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "collection: _id" of every stored document, in any collection of the service's database, whose JSON holds {@code text}. */
    private List<String> documentsContaining(String text) {
        List<String> found = new ArrayList<>();
        MongoDatabase database = databases.getMongoDatabase();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                if (document.toJson().contains(text)) {
                    found.add(collection + ": " + document.get("_id"));
                }
            }
        }
        return found;
    }
}
