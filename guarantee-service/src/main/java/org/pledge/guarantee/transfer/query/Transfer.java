package org.pledge.guarantee.transfer.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.pledge.guarantee.transfer.api.TransferStatus;

/**
 * A bank transfer as read: the creditor's details revealed (or {@code [erased]}).
 *
 * @param erased whether the holder's personal data was erased: such a transfer can no longer be paid
 */
public record Transfer(String refundId, String claimId, String caseId, BigDecimal amount, String currency,
                       LocalDate businessDate, Instant instructedAt, String holderName, String iban, String bic,
                       TransferStatus status, String statusReason, boolean erased) {

    @Override
    public String toString() { // never the creditor's details (logs)
        return "Transfer[" + refundId + ", " + status + "]";
    }
}
