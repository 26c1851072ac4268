package org.pledge.guarantee.claim.integration;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.pledge.contracts.EventType;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.guarantee.ClaimOpenedV1;
import org.pledge.contracts.guarantee.RefundApprovedV1;
import org.pledge.contracts.guarantee.RefundFailedV1;
import org.pledge.contracts.guarantee.RefundPaidV1;
import org.pledge.contracts.guarantee.RefundRejectedV1;
import org.pledge.guarantee.claim.api.ClaimOpenedEvent;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.claim.api.RefundApprovedEvent;
import org.pledge.guarantee.claim.api.RefundFailedEvent;
import org.pledge.guarantee.claim.api.RefundPaidEvent;
import org.pledge.guarantee.claim.api.RefundRejectedEvent;
import org.pledge.platform.messaging.publish.IntegrationEventMapper;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;
import org.springframework.stereotype.Component;

/**
 * Maps the claim's internal events to the {@code pledge.guarantee.v1} contract, keyed by case id (a case has at most
 * one claim, so one claim's events stay in order): {@link ClaimOpenedEvent} → {@code claim-opened} (amount = the fee),
 * {@link RefundApprovedEvent} → {@code refund-approved}, {@link RefundRejectedEvent} → {@code refund-rejected},
 * {@link RefundPaidEvent} → {@code refund-paid}, {@link RefundFailedEvent} → {@code refund-failed}. Every other event is
 * internal. A pure function of the event: each claim.api event carries every field its contract needs, so a retry or
 * a replay of the publisher publishes the same data.
 *
 * <p>Left out on purpose: who approved or rejected (finance users' identities), the bank account, the provider's
 * payment id and the payment reference; notification-service tells the client what happened, not who did it.
 */
@Component
class ClaimIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundIntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof ClaimOpenedEvent e) {
            return out(EventTypes.GUARANTEE_CLAIM_OPENED, e.caseId(), new ClaimOpenedV1(e.caseId(), e.claimId(), e.serviceType(),
                    e.applicantReference(), e.language(), money(e.fee()), e.deadline(), e.breachedAt(), e.policyVersion()));
        }
        if (payload instanceof RefundApprovedEvent e) {
            return out(EventTypes.GUARANTEE_REFUND_APPROVED, e.caseId(), new RefundApprovedV1(e.caseId(), e.claimId(),
                    e.serviceType(), e.applicantReference(), e.language(), money(e.amount()), e.refundId(), name(e.method()),
                    e.automatic(), e.approvedAt()));
        }
        if (payload instanceof RefundRejectedEvent e) {
            return out(EventTypes.GUARANTEE_REFUND_REJECTED, e.caseId(), new RefundRejectedV1(e.caseId(), e.claimId(),
                    e.serviceType(), e.applicantReference(), e.language(), money(e.amount()), e.reason(), e.at()));
        }
        if (payload instanceof RefundPaidEvent e) {
            return out(EventTypes.GUARANTEE_REFUND_PAID, e.caseId(), new RefundPaidV1(e.caseId(), e.claimId(), e.serviceType(),
                    e.applicantReference(), e.language(), money(e.amount()), e.refundId(), name(e.method()), e.paidAt()));
        }
        if (payload instanceof RefundFailedEvent e) {
            return out(EventTypes.GUARANTEE_REFUND_FAILED, e.caseId(), new RefundFailedV1(e.caseId(), e.claimId(),
                    e.serviceType(), e.applicantReference(), e.language(), money(e.amount()), e.refundId(), name(e.method()),
                    e.reason(), e.failedAt()));
        }
        return Optional.empty();
    }

    /**
     * The contract's form: at least the currency's minor units (30 → "30.00"), more decimals only where the amount has
     * them (a share of a fee may: 25 % of 10.10 is 2.525). An amount outside the contract's bounds (over four decimals)
     * cannot be published: the mapper throws and the publisher parks the event.
     */
    static org.pledge.contracts.Money money(Money money) {
        if (money == null) {
            return null;
        }
        Currency currency = Currency.getInstance(money.currency());
        BigDecimal amount = money.amount();
        int scale = Math.max(Math.max(currency.getDefaultFractionDigits(), 0), Math.max(amount.stripTrailingZeros().scale(), 0));
        if (scale > org.pledge.contracts.Money.MAX_FRACTION_DIGITS) {
            throw new NumberFormatException("a refund amount with more than " + org.pledge.contracts.Money.MAX_FRACTION_DIGITS
                    + " decimals");
        }
        return org.pledge.contracts.Money.of(amount.setScale(scale), currency);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Optional<OutboundIntegrationEvent> out(EventType type, String caseId, Object data) {
        return Optional.of(OutboundIntegrationEvent.of(type.topic(), type.name(), caseId, data));
    }
}
