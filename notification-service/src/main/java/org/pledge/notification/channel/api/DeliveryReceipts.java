package org.pledge.notification.channel.api;

/**
 * Where checked delivery receipts go; the delivery feature implements it (so channels depend on no other feature). A
 * duplicate or late receipt changes nothing; a receipt for a reference nobody sent is refused with
 * {@link UnknownReferenceException}.
 */
public interface DeliveryReceipts {

    void record(DeliveryReceipt receipt);

    /** No message was sent under this reference. */
    class UnknownReferenceException extends RuntimeException {
        public UnknownReferenceException() {
            super("no message was sent under this reference");
        }
    }
}
