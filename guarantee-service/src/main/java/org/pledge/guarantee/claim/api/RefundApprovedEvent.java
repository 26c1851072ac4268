package org.pledge.guarantee.claim.api;

import java.time.Instant;
import java.util.List;

import org.pledge.guarantee.policy.api.PayoutMethod;

/**
 * The refund {@code refundId} of {@code amount} is approved (by {@code approvers}; none: automatically, at or under
 * the auto-approval limit) and will be paid by {@code method}.
 */
public record RefundApprovedEvent(String claimId, String caseId, String refundId, Money amount, List<String> approvers,
                                  PayoutMethod method, String serviceType, String applicantReference, String language,
                                  Instant approvedAt) {

    public RefundApprovedEvent {
        approvers = List.copyOf(approvers);
    }

    public boolean automatic() {
        return approvers.isEmpty();
    }
}
