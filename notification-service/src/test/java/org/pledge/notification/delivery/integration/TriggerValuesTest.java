package org.pledge.notification.delivery.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.pledge.notification.template.api.Trigger;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.pledge.testsupport.messaging.CaseEventSamples;
import org.pledge.testsupport.messaging.FeedbackEventSamples;
import org.pledge.testsupport.messaging.GuaranteeEventSamples;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/** Each trigger's contract to its raw values, worked by hand from the recorded samples. */
class TriggerValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void caseSubmitted_givesTheDueDate() {
        TriggerValues.Triggered t = of(Trigger.CASE_SUBMITTED, CaseEventSamples.submittedReachableBy("ce-1", "case-1", "web-7", "fr-CA",
                "EMAIL", "a@example.org", null, null));

        assertThat(t.values()).isEqualTo(Map.of("caseId", "case-1", "serviceType", "PASSPORT", "dueDate", "2026-03-17T14:00:00Z"));
        assertThat(t.recipientRef()).isEqualTo("web-7");
        assertThat(t.eventLanguage()).isEqualTo("fr-CA");
        assertThat(t.sealed()).isEmpty();
    }

    @Test
    void informationRequested_givesTheReasonCodeAndTheDueDateAsItStood() {
        TriggerValues.Triggered t = of(Trigger.INFORMATION_REQUESTED, CaseEventSamples.informationRequested("ce-1", "case-1", "web-7",
                "missing-photo"));

        assertThat(t.values()).containsEntry("reason", "missing-photo").containsEntry("dueDate", "2026-03-17T14:00:00Z");
    }

    @Test
    void caseResolved_givesOutcomeDecisionDateAndWhetherOnTime() {
        TriggerValues.Triggered t = of(Trigger.CASE_RESOLVED, CaseEventSamples.resolved("ce-1", "case-1", "PASSPORT", "APPROVED", 2, null));

        assertThat(t.values()).containsEntry("outcome", "APPROVED").containsEntry("resolvedOn", "2025-04-01T15:00:00Z")
                .containsEntry("onTime", "false");
        assertThat(t.recipientRef()).isEqualTo("ref-1");
    }

    @Test
    void breached_givesTheMissedDueDate_whetherGuaranteed_andTheFeeAsAmountAndCurrency() {
        TriggerValues.Triggered t = of(Trigger.SERVICE_STANDARD_BREACHED, CaseEventSamples.breached("ce-1", "case-1", "PASSPORT", "120.00"));

        assertThat(t.values()).isEqualTo(Map.of("caseId", "case-1", "serviceType", "PASSPORT", "dueDate", "2025-03-17T14:00:00Z",
                "guaranteed", "true", "fee", "120.00 CAD"));
    }

    @Test
    void refunds_giveTheAmountTheMethodAndThePaymentDate() {
        assertThat(of(Trigger.REFUND_APPROVED, GuaranteeEventSamples.refundApproved("ce-1", "case-1", "web-7", "30.00")).values())
                .containsEntry("amount", "30.00 CAD").containsEntry("method", "ORIGINAL_PAYMENT_METHOD");
        assertThat(of(Trigger.REFUND_PAID, GuaranteeEventSamples.refundPaid("ce-1", "case-1", "web-7", "30.00")).values())
                .containsEntry("amount", "30.00 CAD").containsEntry("paidOn", "2026-03-20T15:00:02Z");
    }

    @Test
    void surveyInvited_keepsTheLinkSealed_outOfThePlainValues() {
        TriggerValues.Triggered t = of(Trigger.SURVEY_INVITED, FeedbackEventSamples.surveyInvited("ce-1", "case-1", "web-7",
                "https://feedback.example.gc.ca/surveys/abc.def.ghi"));

        assertThat(t.values()).isEqualTo(Map.of("caseId", "case-1", "serviceType", "PASSPORT", "expiresOn", "2026-03-16T14:00:00Z"));
        assertThat(t.sealed()).isEqualTo(Map.of("surveyLink", "https://feedback.example.gc.ca/surveys/abc.def.ghi"));
        assertThat(t.toString()).doesNotContain("feedback.example");
    }

    @Test
    void followUpRequested_givesTheRating_theClientAndTheirLanguage() {
        TriggerValues.Triggered t = of(Trigger.FOLLOW_UP_REQUESTED, FeedbackEventSamples.followUpRequested("ce-1", "case-1", "web-7", "fr-CA"));

        assertThat(t.values()).isEqualTo(Map.of("caseId", "case-1", "serviceType", "PASSPORT", "rating", "1"));
        assertThat(t.recipientRef()).isEqualTo("web-7");
        assertThat(t.eventLanguage()).isEqualTo("fr-CA");
        assertThat(t.sealed()).isEmpty();
    }

    @Test
    void followUpRequested_inItsFirstForm_namesNobodyToTell() {
        TriggerValues.Triggered t = of(Trigger.FOLLOW_UP_REQUESTED, FeedbackEventSamples.followUpRequestedFirstForm("ce-1", "case-1"));

        assertThat(t.values()).isEqualTo(Map.of("caseId", "case-1", "serviceType", "PASSPORT"));
        assertThat(t.recipientRef()).isNull();
        assertThat(t.eventLanguage()).isNull();
    }

    @Test
    void anEventThatBreaksItsSchema_isRefused() {
        assertThatThrownBy(() -> of(Trigger.CASE_SUBMITTED, CaseEventSamples.submittedWithoutCaseId("ce-1")))
                .isInstanceOf(RuntimeException.class);
    }

    private static TriggerValues.Triggered of(Trigger trigger, CloudEvent event) {
        try {
            return TriggerValues.of(trigger, new InboundCloudEvent(event.id(), event.type(), event.source(), event.subject(),
                    Instant.parse("2026-03-02T14:00:00Z"), JSON.readTree(event.json())), JSON);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
