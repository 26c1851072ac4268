package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * Records the fee a case's client paid, which its claim would refund if the case's standard is missed. Sent for
 * {@code pledge.case.submitted.v1}; the claim is {@link GuaranteeClaimIds#forCase the case's}. Repeating it changes
 * nothing: the fee recorded first stands.
 *
 * @param feePaid          null when the submission carried no fee
 * @param paymentReference the channel's reference of the fee's payment at the payment provider (a refund goes back
 *                         through it); null when none was given
 */
public record RecordGuaranteedFeeCommand(@CommandTarget String claimId, String caseId, String serviceType, Money feePaid,
                                         Instant submittedAt, String paymentReference) {

    public static RecordGuaranteedFeeCommand forCase(String caseId, String serviceType, Money feePaid, Instant submittedAt) {
        return forCase(caseId, serviceType, feePaid, submittedAt, null);
    }

    public static RecordGuaranteedFeeCommand forCase(String caseId, String serviceType, Money feePaid, Instant submittedAt,
                                                     String paymentReference) {
        return new RecordGuaranteedFeeCommand(GuaranteeClaimIds.forCase(caseId), caseId, serviceType, feePaid, submittedAt,
                paymentReference);
    }
}
