package org.pledge.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pledge.testsupport.messaging.CaseEventSamples.informationRequested;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedReachableBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.channel.api.DeliveryReceipt;
import org.pledge.notification.channel.api.DeliveryReceipts;
import org.pledge.notification.delivery.api.DeliveryPlan;
import org.pledge.notification.delivery.api.DeliveryPolicy;
import org.pledge.notification.delivery.api.NotificationIds;
import org.pledge.notification.delivery.api.Reachability;
import org.pledge.notification.delivery.api.RequestNotificationCommand;
import org.pledge.notification.delivery.api.StartDeliveryAttemptCommand;
import org.pledge.notification.delivery.integration.NotificationSweep;
import org.pledge.testsupport.http.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notifications sent through the real channels (GreenMail for email, WireMock as the SMS provider) from events on the
 * real broker: exactly once, falling back at once after a permanent failure, abandoned when no channel is left, never
 * sent to an erased subject, and sent once after a restart between the intent and the outcome.
 */
class DeliveryIT extends NotificationServiceITSupport {

    private static final String POSTAL = "1200 rue Sainte-Catherine O\nMontréal QC H3B 1K9";

    @Autowired
    CommandGateway commands;
    @Autowired
    DeliveryReceipts receipts;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    NotificationSweep sweep;

    @Test
    void sameEventDeliveredThreeTimes_givesOneNotification_andOneEmail_inTheClientsLanguage() throws Exception {
        String subject = "web-" + UUID.randomUUID();
        String email = "marie-" + UUID.randomUUID() + "@example.org";
        String caseId = UUID.randomUUID().toString();
        var submitted = submittedReachableBy(ceId(), caseId, subject, "fr-CA", "EMAIL", email, "+15145550123", POSTAL);
        sendCaseEvent(submitted);
        sendCaseEvent(submitted);
        sendCaseEvent(submitted);

        JsonNode delivered = awaitOnlyNotification(caseId, "DELIVERED");
        List<MimeMessage> received = awaitEmails(email, 1);
        // a later notification's email proves the copies were handled: still one notification, one email
        String marker = UUID.randomUUID().toString();
        sendCaseEvent(submittedReachableBy(ceId(), marker, "web-" + UUID.randomUUID(), "en-CA", "EMAIL",
                "marker-" + UUID.randomUUID() + "@example.org", null, null));
        awaitOnlyNotification(marker, "DELIVERED");

        assertThat(notificationsOf(caseId)).hasSize(1);
        assertThat(SMTP.to(email)).hasSize(1);
        assertThat(delivered.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(delivered.path("language").asText()).startsWith("fr");
        assertThat(delivered.path("channels").toString()).isEqualTo("[\"EMAIL\",\"SMS\",\"LETTER\"]");
        assertThat(delivered.path("nextCheckAt").isNull() || delivered.path("nextCheckAt").isMissingNode()).isTrue();
        List<JsonNode> attempts = attempts(delivered);
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).path("channel").asText()).isEqualTo("EMAIL");
        assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(attempts.get(0).path("templateVersion").asInt()).isPositive();
        assertThat(delivered.toString()).doesNotContain(email).doesNotContain("+15145550123");
        assertThat(received.get(0).getContentLanguage()).containsExactly("fr");
    }

    @Test
    void permanentEmailFailure_fallsBackToSmsAtOnce_andItsReceiptDeliversIt_onceOnly() throws Exception {
        String subject = "web-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        sendCaseEvent(submittedReachableBy(ceId(), caseId, subject, "en-CA", "EMAIL", "refused@" + UUID.randomUUID() + ".example.org",
                "+15145550123", null));

        JsonNode sent = awaitOnlyNotification(caseId, "SENT");

        List<JsonNode> attempts = attempts(sent);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).path("channel").asText()).isEqualTo("EMAIL");
        assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("PERMANENT_FAILURE");
        assertThat(attempts.get(0).path("reason").asText()).isNotBlank();
        assertThat(attempts.get(1).path("channel").asText()).isEqualTo("SMS");
        assertThat(attempts.get(1).path("number").asInt()).isEqualTo(1);
        assertThat(attempts.get(1).path("outcome").asText()).isEqualTo("SENT");
        assertThat(Duration.between(Instant.parse(attempts.get(0).path("endedAt").asText()),
                Instant.parse(attempts.get(1).path("startedAt").asText()))).isLessThan(Duration.ofSeconds(30)); // no back-off
        String id = sent.path("id").asText();
        String reference = NotificationIds.reference(id, Channel.SMS);

        receipts.record(new DeliveryReceipt(reference, "sms-1", true, null, Instant.parse("2026-03-02T14:00:05Z"), "rcpt-1"));
        JsonNode delivered = awaitNotification(id, n -> hasStatus(n, "DELIVERED"));
        // a duplicate, and a late contrary receipt, change nothing; a reference nobody sent is refused
        receipts.record(new DeliveryReceipt(reference, "sms-1", true, null, Instant.parse("2026-03-02T14:00:05Z"), "rcpt-1"));
        receipts.record(new DeliveryReceipt(reference, "sms-1", false, "expired", Instant.parse("2026-03-02T15:00:00Z"), "rcpt-2"));
        assertThatThrownBy(() -> receipts.record(new DeliveryReceipt(NotificationIds.reference(id, Channel.LETTER), "x", true, null,
                Instant.parse("2026-03-02T15:00:00Z"), "rcpt-3"))).isInstanceOf(DeliveryReceipts.UnknownReferenceException.class);
        assertThatThrownBy(() -> receipts.record(new DeliveryReceipt(NotificationIds.reference(UUID.randomUUID().toString(), Channel.SMS),
                "x", true, null, Instant.parse("2026-03-02T15:00:00Z"), "rcpt-4"))).isInstanceOf(DeliveryReceipts.UnknownReferenceException.class);
        assertThatThrownBy(() -> receipts.record(new DeliveryReceipt("not-ours", "x", true, null, Instant.parse("2026-03-02T15:00:00Z"),
                "rcpt-5"))).isInstanceOf(DeliveryReceipts.UnknownReferenceException.class);

        Thread.sleep(500); // nothing should happen: give a wrong change the time to show
        JsonNode after = get("/api/notifications/" + id, auditorToken()).json();
        assertThat(after.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(attempts(after)).hasSize(2);
        assertThat(after.path("updatedAt")).isEqualTo(delivered.path("updatedAt"));
    }

    @Test
    void noChannelLeft_abandonsTheNotification_whichOperationsList() {
        String caseId = UUID.randomUUID().toString();
        sendCaseEvent(submittedReachableBy(ceId(), caseId, "web-" + UUID.randomUUID(), "fr-CA", "EMAIL",
                "refused@" + UUID.randomUUID() + ".example.org", null, null));

        JsonNode abandoned = awaitOnlyNotification(caseId, "ABANDONED");

        assertThat(attempts(abandoned)).hasSize(1);
        assertThat(abandoned.path("reason").asText()).isEqualTo(attempts(abandoned).get(0).path("reason").asText());
        String id = abandoned.path("id").asText();
        ApiResponse listed = get("/api/notifications?status=ABANDONED&size=200", operationsToken());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().path("total").asLong()).isPositive();
        assertThat(listed.json().path("items").toString()).contains(id);
        assertThat(get("/api/notifications?status=DELIVERED&size=200", operationsToken()).json().path("items").toString())
                .doesNotContain(id);
    }

    @Test
    void erasedSubject_isNeverSentAnything_itsNotificationIsAbandoned() {
        String subject = "web-" + UUID.randomUUID();
        String email = "gone-" + UUID.randomUUID() + "@example.org";
        String caseId = UUID.randomUUID().toString();
        sendCaseEvent(submittedReachableBy(ceId(), caseId, subject, "fr-CA", "EMAIL", email, null, null));
        awaitOnlyNotification(caseId, "DELIVERED");
        ApiResponse erased = api.send("DELETE", "/api/data-subjects/" + subject + "?reason=subject-request", adminToken(), null, Map.of());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        sendCaseEvent(informationRequested(ceId(), caseId, subject, "missing-photo"));

        List<JsonNode> both = awaitNotifications(caseId, list -> list.size() == 2 && list.stream().allMatch(n -> n.path("status").asText()
                .matches("DELIVERED|ABANDONED")));
        JsonNode requested = both.stream().filter(n -> "INFORMATION_REQUESTED".equals(n.path("trigger").asText())).findFirst().orElseThrow();
        assertThat(requested.path("status").asText()).isEqualTo("ABANDONED");
        assertThat(requested.path("reason").asText()).isEqualTo("contact-erased");
        assertThat(SMTP.to(email)).hasSize(1); // the first case's email, nothing after the erasure
    }

    @Test
    void restartBetweenTheIntentAndTheOutcome_sendsOnce_sayingItMayHaveBeenSent() {
        String subject = "web-" + UUID.randomUUID();
        String email = "restart-" + UUID.randomUUID() + "@example.org";
        String contactCase = UUID.randomUUID().toString();
        sendCaseEvent(submittedReachableBy(ceId(), contactCase, subject, "en-CA", "EMAIL", email, null, null));
        awaitOnlyNotification(contactCase, "DELIVERED");
        awaitEmails(email, 1);

        EventProcessor dispatcher = processing.eventProcessor("notification-dispatch").orElseThrow();
        sweep.stop();
        dispatcher.shutDown();
        String caseId = UUID.randomUUID().toString();
        String id = NotificationIds.of("ce-restart-" + caseId, "case-submitted", subject);
        try {
            commands.sendAndWait(new RequestNotificationCommand(id, caseId, subject, "CASE_SUBMITTED", "case-submitted", 1, "case-submitted",
                    "ce-restart-" + caseId, "pledge.case.submitted.v1", "en-CA", Map.of("caseId", caseId, "serviceType", "PASSPORT",
                    "dueDate", "2026-03-17T14:00:00Z"), null, clock.instant()));
            // the service stores the intent, then dies before the message leaves
            DeliveryPlan plan = commands.sendAndWait(new StartDeliveryAttemptCommand(id, new Reachability(Reachability.State.FOUND, "en-CA",
                    Channel.EMAIL, java.util.EnumSet.of(Channel.EMAIL)), policy(), clock.instant()));
            assertThat(plan.send()).isTrue();
        } finally {
            dispatcher.start(); // the request comes to the dispatcher (again): the attempt's lease keeps it from sending
        }
        awaitNotification(id, n -> hasStatus(n, "SENDING"));
        assertThat(SMTP.to(email)).hasSize(1); // nothing sent for it yet
        sweep.start(); // it takes the attempt over once the lease (NotificationTestInitializer.LEASE) ran out

        JsonNode delivered = awaitNotification(id, n -> hasStatus(n, "DELIVERED"));

        List<JsonNode> attempts = attempts(delivered);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("TEMPORARY_FAILURE");
        assertThat(attempts.get(0).path("reason").asText()).isEqualTo("no-outcome");
        assertThat(attempts.get(1).path("mayHaveBeenSent").asBoolean()).isTrue();
        assertThat(attempts.get(1).path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(awaitEmails(email, 2)).hasSize(2); // the first case's email and this one: sent once
    }

    private static DeliveryPolicy policy() {
        return new DeliveryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(30), NotificationTestInitializer.LEASE, Duration.ofHours(1),
                Duration.ofHours(1));
    }
}
