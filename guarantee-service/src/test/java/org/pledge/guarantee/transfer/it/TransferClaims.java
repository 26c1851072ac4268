package org.pledge.guarantee.transfer.it;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.guarantee.claim.api.AppliedPolicy;
import org.pledge.guarantee.claim.api.BankAccount;
import org.pledge.guarantee.claim.api.GuaranteeClaimIds;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.claim.api.OpenClaimCommand;
import org.pledge.guarantee.claim.api.RecordCaseResolvedCommand;
import org.pledge.guarantee.claim.api.RecordGuaranteedFeeCommand;
import org.pledge.guarantee.claim.api.RecordPayoutDetailsCommand;
import org.pledge.guarantee.claim.api.RefundIds;
import org.pledge.guarantee.policy.api.Exclusion;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.pledge.guarantee.policy.api.PolicyTerms;
import org.pledge.guarantee.policy.api.RefundTier;

/**
 * Claims driven by the claim's own commands until they instruct a refund: breached, resolved 5 business days late
 * (25 % of the fee, auto-approved up to 50.00 CAD), then, for a transfer, the applicant's account recorded at noon UTC
 * of a given date (the same date in any zone from UTC-11 to UTC+11: the batch of that date).
 */
final class TransferClaims {

    static final PolicyTerms TERMS = new PolicyTerms(true,
            List.of(new RefundTier(1, 10, new BigDecimal("25")), new RefundTier(11, null, new BigDecimal("50"))),
            Set.of(Exclusion.WITHDRAWN, Exclusion.REFUSED_FOR_FRAUD, Exclusion.OUTCOME_OTHER), "CAD",
            new BigDecimal("50.00"), new BigDecimal("500.00"), List.of(PayoutMethod.ORIGINAL_PAYMENT_METHOD, PayoutMethod.BANK_TRANSFER));
    static final AppliedPolicy POLICY = new AppliedPolicy("PASSPORT", 1, TERMS);
    static final String IBAN = "FR1420041010050500013M02606";
    static final String HOLDER_NAME = "Marie Tremblay";

    record Refund(String caseId, String claimId, String refundId, String holder, BigDecimal amount, String bic) {
    }

    private TransferClaims() {
    }

    /** A date of its own for each test (long past): batches never mix. */
    static LocalDate aPastDate() {
        return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 8000));
    }

    /** A refund of 25 % of {@code fee} CAD instructed by bank transfer on {@code date}, to an account with {@code bic} (may be null). */
    static Refund byTransfer(CommandGateway commands, LocalDate date, String fee, String bic) {
        return instructed(commands, date, fee, bic, null);
    }

    /** A refund of 25 % of {@code fee} CAD instructed to the original payment method (the provider's, not a transfer). */
    static Refund toOriginalPaymentMethod(CommandGateway commands, LocalDate date, String fee) {
        return instructed(commands, date, fee, null, "pay-" + UUID.randomUUID());
    }

    private static Refund instructed(CommandGateway commands, LocalDate date, String fee, String bic, String paymentReference) {
        String caseId = UUID.randomUUID().toString();
        String claimId = GuaranteeClaimIds.forCase(caseId);
        Instant noon = date.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
        String holder = "applicant-" + UUID.randomUUID();
        Money feePaid = new Money(new BigDecimal(fee), "CAD");
        commands.sendAndWait(new RecordGuaranteedFeeCommand(claimId, caseId, "PASSPORT", feePaid, noon.minusSeconds(86_400 * 20),
                paymentReference));
        commands.sendAndWait(new OpenClaimCommand(claimId, caseId, "PASSPORT", holder, "fr-CA", noon.minusSeconds(86_400 * 8),
                noon.minusSeconds(86_400 * 7), true, feePaid, POLICY));
        Instant resolved = paymentReference == null ? noon.minusSeconds(3_600) : noon;
        commands.sendAndWait(new RecordCaseResolvedCommand(claimId, caseId, "APPROVED", null, 5, resolved, POLICY));
        if (paymentReference == null) {
            commands.sendAndWait(new RecordPayoutDetailsCommand(claimId, new BankAccount(holder, HOLDER_NAME, IBAN, bic), "web-portal", noon));
        }
        BigDecimal amount = new BigDecimal(fee).multiply(new BigDecimal("0.25")).setScale(2, java.math.RoundingMode.HALF_UP);
        return new Refund(caseId, claimId, RefundIds.of(claimId, 1), holder, amount, bic);
    }
}
