package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * The client gave, through a channel, the account a bank-transfer refund goes to. Replaces an earlier account until a
 * refund is instructed; refused once the claim is paid, rejected or closed.
 *
 * @param account {@code account.holderReference()} must be the claim's applicant reference
 * @param by      the channel (the token's subject)
 */
public record RecordPayoutDetailsCommand(@CommandTarget String claimId, BankAccount account, String by, Instant at) {
}
