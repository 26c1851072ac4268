package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.cases.catalogue.api.Money;
import org.pledge.platform.api.CommandTarget;

/**
 * A channel submits a case.
 *
 * @param caseId             chosen by the channel (a UUID)
 * @param serviceTypeCode    the service applied for
 * @param channel            where the application came in
 * @param submittedAt        now, from the caller's injected clock
 * @param receivedAt         for PAPER and MAIL applications keyed in later: when the application was
 *                           actually received, as the channel states it; null otherwise (the clock then
 *                           starts at {@code submittedAt})
 * @param receivedAtStatedBy who stated {@code receivedAt} (e.g. a mail-room clerk's id); required with it
 * @param applicant          the client (personal data)
 * @param feePaid            the fee paid: the catalogue's fee at receipt, unless {@code feeReductionReason} says why less
 * @param feeReductionReason a {@link FeeReduction} code, or null when the full fee was paid
 * @param paymentReference   the channel's reference of the fee's payment at the payment provider
 *                           ({@value CaseSubmittedEvent#PAYMENT_REFERENCE_PATTERN}), which a guarantee refund goes back
 *                           through; null when none
 */
public record SubmitCaseCommand(@CommandTarget String caseId, String serviceTypeCode, SubmissionChannel channel,
                                Instant submittedAt, Instant receivedAt, String receivedAtStatedBy, Applicant applicant,
                                Money feePaid, String feeReductionReason, String paymentReference) {

    /** Without a payment reference. */
    public SubmitCaseCommand(String caseId, String serviceTypeCode, SubmissionChannel channel, Instant submittedAt, Instant receivedAt,
                             String receivedAtStatedBy, Applicant applicant, Money feePaid, String feeReductionReason) {
        this(caseId, serviceTypeCode, channel, submittedAt, receivedAt, receivedAtStatedBy, applicant, feePaid, feeReductionReason, null);
    }

    /** A submission paying the full fee. */
    public SubmitCaseCommand(String caseId, String serviceTypeCode, SubmissionChannel channel, Instant submittedAt, Instant receivedAt,
                             String receivedAtStatedBy, Applicant applicant, Money feePaid) {
        this(caseId, serviceTypeCode, channel, submittedAt, receivedAt, receivedAtStatedBy, applicant, feePaid, null, null);
    }
}
