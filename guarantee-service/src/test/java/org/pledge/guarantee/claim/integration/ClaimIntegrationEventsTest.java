package org.pledge.guarantee.claim.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.SchemaCheck;
import org.pledge.contracts.Topics;
import org.pledge.guarantee.claim.api.ClaimClosedEvent;
import org.pledge.guarantee.claim.api.ClaimOpenedEvent;
import org.pledge.guarantee.claim.api.ClosureReason;
import org.pledge.guarantee.claim.api.GuaranteeClaimIds;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.claim.api.RefundApprovedEvent;
import org.pledge.guarantee.claim.api.RefundFailedEvent;
import org.pledge.guarantee.claim.api.RefundIds;
import org.pledge.guarantee.claim.api.RefundPaidEvent;
import org.pledge.guarantee.claim.api.RefundRejectedEvent;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;

/** The claim's events in their {@code pledge.guarantee.v1} form: worked by hand, keyed by case id, valid against their schemas. */
class ClaimIntegrationEventsTest {

    private static final String CASE = "case-7";
    private static final String CLAIM = GuaranteeClaimIds.forCase(CASE);
    private static final String REFUND = RefundIds.of(CLAIM, 1);
    private static final Money FEE = new Money(new BigDecimal("120"), "CAD");
    private static final Money REFUND_AMOUNT = new Money(new BigDecimal("30.0"), "CAD");
    private static final ObjectMapper JSON = SchemaCheck.mapper();

    private final ClaimIntegrationEvents mapper = new ClaimIntegrationEvents();

    @Test
    void claimOpened_carriesTheFee_asTheAmount_andTheApplicantFacts() {
        JsonNode data = publish(new ClaimOpenedEvent(CLAIM, CASE, "PASSPORT", "ref-42", "fr-CA",
                Instant.parse("2026-03-17T04:00:00Z"), Instant.parse("2026-03-17T04:00:05Z"), FEE, "ch_123", 3),
                "pledge.guarantee.claim-opened.v1");
        assertThat(data.get("claimId").asText()).isEqualTo(CLAIM);
        assertThat(data.get("amount").get("amount").asText()).isEqualTo("120.00");
        assertThat(data.get("amount").get("currency").asText()).isEqualTo("CAD");
        assertThat(data.get("applicantReference").asText()).isEqualTo("ref-42");
        assertThat(data.get("language").asText()).isEqualTo("fr-CA");
        assertThat(data.get("deadline").asText()).isEqualTo("2026-03-17T04:00:00Z");
        assertThat(data.get("openedAt").asText()).isEqualTo("2026-03-17T04:00:05Z");
        assertThat(data.get("policyVersion").asInt()).isEqualTo(3);
        assertThat(data.has("paymentReference")).isFalse();
    }

    @Test
    void refundApproved_carriesTheRefund_method_andWhetherItWasAutomatic_butNotTheApprovers() {
        JsonNode auto = publish(new RefundApprovedEvent(CLAIM, CASE, REFUND, REFUND_AMOUNT, List.of(),
                PayoutMethod.ORIGINAL_PAYMENT_METHOD, "PASSPORT", "ref-42", "fr-CA", Instant.parse("2026-03-20T15:00:00Z")),
                "pledge.guarantee.refund-approved.v1");
        assertThat(auto.get("amount").get("amount").asText()).isEqualTo("30.00");
        assertThat(auto.get("refundId").asText()).isEqualTo(REFUND).hasSize(35);
        assertThat(auto.get("method").asText()).isEqualTo("ORIGINAL_PAYMENT_METHOD");
        assertThat(auto.get("automatic").asBoolean()).isTrue();

        JsonNode byFinance = publish(new RefundApprovedEvent(CLAIM, CASE, REFUND, REFUND_AMOUNT, List.of("finance-1", "finance-2"),
                PayoutMethod.BANK_TRANSFER, "PASSPORT", "ref-42", "fr-CA", Instant.parse("2026-03-20T15:00:00Z")),
                "pledge.guarantee.refund-approved.v1");
        assertThat(byFinance.get("automatic").asBoolean()).isFalse();
        assertThat(byFinance.get("method").asText()).isEqualTo("BANK_TRANSFER");
        assertThat(byFinance.toString()).doesNotContain("finance-1", "finance-2");
    }

    @Test
    void refundRejected_carriesTheReason_butNotWhoRejected() {
        JsonNode data = publish(new RefundRejectedEvent(CLAIM, CASE, REFUND_AMOUNT, "finance-1", "Applicant's late reply",
                "PASSPORT", "ref-42", "fr-CA", Instant.parse("2026-03-21T10:00:00Z")), "pledge.guarantee.refund-rejected.v1");
        assertThat(data.get("reason").asText()).isEqualTo("Applicant's late reply");
        assertThat(data.get("rejectedAt").asText()).isEqualTo("2026-03-21T10:00:00Z");
        assertThat(data.toString()).doesNotContain("finance-1");
    }

    @Test
    void refundPaid_andFailed_carryTheRefundAndMethod_andFailedItsReason() {
        JsonNode paid = publish(new RefundPaidEvent(CLAIM, CASE, REFUND, REFUND_AMOUNT, PayoutMethod.ORIGINAL_PAYMENT_METHOD,
                "pay_999", "PASSPORT", "ref-42", "fr-CA", Instant.parse("2026-03-20T15:00:02Z")), "pledge.guarantee.refund-paid.v1");
        assertThat(paid.get("refundId").asText()).isEqualTo(REFUND);
        assertThat(paid.get("paidAt").asText()).isEqualTo("2026-03-20T15:00:02Z");
        assertThat(paid.has("paymentId")).isFalse();

        JsonNode failed = publish(new RefundFailedEvent(CLAIM, CASE, REFUND, REFUND_AMOUNT, PayoutMethod.BANK_TRANSFER, "AC04",
                "PASSPORT", "ref-42", "fr-CA", Instant.parse("2026-03-22T09:00:00Z")), "pledge.guarantee.refund-failed.v1");
        assertThat(failed.get("reason").asText()).isEqualTo("AC04");
        assertThat(failed.get("method").asText()).isEqualTo("BANK_TRANSFER");
    }

    @Test
    void withoutApplicantFacts_theyAreLeftOut_andTheEventIsStillValid() {
        JsonNode data = publish(new RefundPaidEvent(CLAIM, CASE, REFUND, REFUND_AMOUNT, PayoutMethod.BANK_TRANSFER, null,
                "PASSPORT", null, null, Instant.parse("2026-03-20T15:00:02Z")), "pledge.guarantee.refund-paid.v1");
        assertThat(data.has("applicantReference")).isFalse();
        assertThat(data.has("language")).isFalse();
    }

    @Test
    void otherClaimEvents_areInternal() {
        assertThat(mapper.map(GenericEventMessage.asEventMessage(new ClaimClosedEvent(CLAIM, CASE, ClosureReason.NOT_LATE, 1, null,
                Instant.parse("2026-03-20T15:00:00Z"))))).isEmpty();
        assertThat(mapper.map(GenericEventMessage.asEventMessage("something else"))).isEmpty();
    }

    @Test
    void amounts_keepAtLeastTheCurrencysMinorUnits_andNoMoreDecimalsThanTheContractAllows() {
        assertThat(ClaimIntegrationEvents.money(new Money(new BigDecimal("2.525"), "CAD")).amount()).isEqualTo("2.525");
        assertThat(ClaimIntegrationEvents.money(new Money(new BigDecimal("2.50000"), "CAD")).amount()).isEqualTo("2.50");
        assertThat(ClaimIntegrationEvents.money(new Money(new BigDecimal("1500"), "JPY")).amount()).isEqualTo("1500");
        assertThat(ClaimIntegrationEvents.money(new Money(new BigDecimal("1E+2"), "EUR")).amount()).isEqualTo("100.00");
        assertThatThrownBy(() -> ClaimIntegrationEvents.money(new Money(new BigDecimal("0.123456"), "CAD")))
                .isInstanceOf(NumberFormatException.class);
    }

    private JsonNode publish(Object payload, String type) {
        OutboundIntegrationEvent out = mapper.map(GenericEventMessage.asEventMessage(payload)).orElseThrow();
        assertThat(out.type()).isEqualTo(type);
        assertThat(out.topic()).isEqualTo(Topics.GUARANTEE);
        assertThat(out.subject()).isEqualTo(CASE);
        assertThat(out.partitionKey()).isEqualTo(CASE);
        assertThat(EventTypes.byName(type).orElseThrow().dataType()).isEqualTo(out.data().getClass());
        JsonNode data = JSON.valueToTree(out.data());
        assertThat(SchemaCheck.violations(type, data)).as(type).isEmpty();
        assertThat(data.get("caseId").asText()).isEqualTo(CASE);
        assertThat(data.get("serviceType").asText()).isEqualTo("PASSPORT");
        return data;
    }
}
