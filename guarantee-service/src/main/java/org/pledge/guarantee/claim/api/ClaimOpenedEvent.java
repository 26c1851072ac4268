package org.pledge.guarantee.claim.api;

import java.time.Instant;

/**
 * The case's guaranteed standard was missed: the claim is open and accrues until the case is resolved.
 *
 * @param fee              the fee a refund is a share of
 * @param paymentReference the fee's payment reference at the provider, null when none
 * @param policyVersion    the policy version current when it opened
 */
public record ClaimOpenedEvent(String claimId, String caseId, String serviceType, String applicantReference, String language,
                               Instant deadline, Instant breachedAt, Money fee, String paymentReference, int policyVersion) {
}
