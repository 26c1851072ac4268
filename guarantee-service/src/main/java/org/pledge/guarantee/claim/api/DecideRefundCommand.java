package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * A finance user's approval or rejection of a claim awaiting approval (or whose payment failed). Four eyes, enforced
 * by the claim: whoever last changed the claim never approves it, and no one approves twice; a rejection needs a
 * reason.
 *
 * @param by     the finance user (the token's subject)
 * @param reason required for {@link Decision#REJECT}; optional for an approval
 */
public record DecideRefundCommand(@CommandTarget String claimId, Decision decision, String by, String reason, Instant at) {
}
