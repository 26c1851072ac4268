package org.pledge.guarantee.claim.api;

import java.time.Instant;

/** The account a bank-transfer refund goes to (personal data, encrypted: {@link BankAccount}), as given through a channel. */
public record PayoutDetailsRecordedEvent(String claimId, String caseId, BankAccount account, String by, Instant at) {
}
