package org.pledge.guarantee.payout.integration;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.pledge.guarantee.claim.api.GuaranteeClaimException;
import org.pledge.guarantee.claim.api.RecordRefundFailedCommand;
import org.pledge.guarantee.claim.api.RefundInstructedEvent;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pays each refund instructed to the original payment method through the provider ({@link ProviderRefundAttempts}).
 * The processor's token passes the instruction only once its first attempt is recorded; after a crash it is
 * delivered again, and the {@code ProviderRefund} says the refund may have reached the provider: it is looked up by
 * its key before anything is sent. A replay is refused: it must never pay again.
 */
@Component
@ProcessingGroup(ProviderRefundProcessor.GROUP)
@DisallowReplay
class ProviderRefundProcessor {

    static final String GROUP = "provider-refunds";
    private static final Logger log = LoggerFactory.getLogger(ProviderRefundProcessor.class);

    private final ProviderRefundAttempts attempts;
    private final CommandGateway commands;
    private final Clock clock;

    ProviderRefundProcessor(ProviderRefundAttempts attempts, CommandGateway commands, Clock clock) {
        this.attempts = attempts;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(RefundInstructedEvent event) {
        if (event.method() != PayoutMethod.ORIGINAL_PAYMENT_METHOD) {
            return; // a bank transfer: the transfer feature's
        }
        if (event.paymentReference() == null || event.paymentReference().isBlank() || event.amount() == null
                || event.amount().amount().signum() <= 0) {
            log.warn("refund {} of claim {} cannot go to the original payment method (no payment reference or amount)",
                    event.refundId(), event.claimId());
            try {
                commands.sendAndWait(new RecordRefundFailedCommand(event.claimId(), event.refundId(), "NO_PAYMENT_REFERENCE",
                        clock.instant()));
            } catch (GuaranteeClaimException e) {
                log.warn("refund {}: the claim refused the failure ({})", event.refundId(), e.code());
            }
            return;
        }
        attempts.instructed(event);
    }
}
