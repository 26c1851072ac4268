package org.pledge.guarantee.claim.api;

/** A command to one {@code GuaranteeClaim}: the claim it targets (commands carry no framework annotations). */
public sealed interface GuaranteeClaimCommand permits RecordGuaranteedFeeCommand {

    String claimId();
}
