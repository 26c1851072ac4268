package org.pledge.guarantee.transfer.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.guarantee.claim.api.RefundFailedEvent;
import org.pledge.guarantee.claim.api.RefundInstructedEvent;
import org.pledge.guarantee.claim.api.RefundPaidEvent;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.pledge.guarantee.transfer.api.TransferStatus;
import org.pledge.guarantee.transfer.config.TransferZone;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link Transfers} in step with the claims' refunds paid by bank transfer; idempotent (sequence numbers), so a
 * replay ({@code POST /ops/processors/payment-transfers/replay}) rebuilds it, with the creditor's details as the event
 * store holds them then (erased ones erased).
 */
@Component
@ProcessingGroup(TransferProjection.GROUP)
class TransferProjection {

    static final String GROUP = "payment-transfers";

    private final Transfers transfers;
    private final TransferZone zone;

    TransferProjection(Transfers transfers, TransferZone zone) {
        this.transfers = transfers;
        this.zone = zone;
    }

    @EventHandler
    void on(RefundInstructedEvent event, @SequenceNumber long sequence) {
        if (event.method() == PayoutMethod.BANK_TRANSFER && event.account() != null) {
            transfers.instructed(event, zone.dateOf(event.at()), sequence);
        }
    }

    @EventHandler
    void on(RefundPaidEvent event, @SequenceNumber long sequence) {
        if (event.method() == PayoutMethod.BANK_TRANSFER) {
            transfers.finished(event.refundId(), TransferStatus.PAID, null, sequence);
        }
    }

    @EventHandler
    void on(RefundFailedEvent event, @SequenceNumber long sequence) {
        if (event.method() == PayoutMethod.BANK_TRANSFER) {
            transfers.finished(event.refundId(), TransferStatus.FAILED, event.reason(), sequence);
        }
    }

    @ResetHandler
    void reset() {
        transfers.deleteAll();
    }
}
