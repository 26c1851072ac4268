package org.pledge.guarantee.payout.api;

import org.pledge.guarantee.claim.api.Money;

/**
 * What the caller of {@link StartProviderRefundAttemptCommand} is to do.
 *
 * @param action     what to do now
 * @param attempt    the number of this attempt (1 for the first), 0 for {@link Action#NONE}
 * @param amount     the refund's amount
 * @param paymentReference the payment to refund
 */
public record AttemptPlan(Action action, int attempt, Money amount, String paymentReference) {

    public enum Action {
        /** Never sent before: send the refund. */
        CALL,
        /** May have reached the provider already (an earlier attempt's outcome is unknown): look it up by its key, send only if the provider does not have it. */
        LOOK_UP_THEN_CALL,
        /** The provider has it and has not settled it yet: ask for its status. */
        POLL,
        /** Nothing now: settled, failed, not due yet, or another caller holds the attempt. */
        NONE
    }

    public static AttemptPlan none() {
        return new AttemptPlan(Action.NONE, 0, null, null);
    }
}
