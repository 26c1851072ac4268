package org.pledge.guarantee.transfer.api;

/** Where a bank transfer of a refund stands, as the transfer feature knows it from the claim's events. */
public enum TransferStatus {
    /** Instructed: in the pain.001 of its business date, no final status from the bank yet. */
    INSTRUCTED,
    /** The claim recorded the refund paid (a pain.002 settled it). */
    PAID,
    /** The claim recorded the refund failed (a pain.002 rejected it). */
    FAILED;

    public boolean isFinal() {
        return this != INSTRUCTED;
    }
}
