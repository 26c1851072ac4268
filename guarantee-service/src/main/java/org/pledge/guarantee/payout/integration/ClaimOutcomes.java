package org.pledge.guarantee.payout.integration;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.pledge.guarantee.claim.api.GuaranteeClaimException;
import org.pledge.guarantee.claim.api.RecordRefundFailedCommand;
import org.pledge.guarantee.claim.api.RecordRefundPaidCommand;
import org.pledge.guarantee.payout.api.ProviderRefundFailedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundSettledEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the claim how its provider refund ended: settled → {@link RecordRefundPaidCommand}, failed for good →
 * {@link RecordRefundFailedCommand} (the claim returns to finance). The claim ignores a repeat, so redelivery is harmless.
 */
@Component
@ProcessingGroup(ClaimOutcomes.GROUP)
@DisallowReplay
class ClaimOutcomes {

    static final String GROUP = "provider-refund-outcomes";
    private static final Logger log = LoggerFactory.getLogger(ClaimOutcomes.class);

    private final CommandGateway commands;
    private final Clock clock;

    ClaimOutcomes(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(ProviderRefundSettledEvent event) {
        send(event.refundId(), new RecordRefundPaidCommand(event.claimId(), event.refundId(), event.providerRefundId(),
                event.settledAt() != null ? event.settledAt() : clock.instant()));
    }

    @EventHandler
    void on(ProviderRefundFailedEvent event) {
        send(event.refundId(), new RecordRefundFailedCommand(event.claimId(), event.refundId(), event.reason(),
                event.failedAt() != null ? event.failedAt() : clock.instant()));
    }

    /** A rule of the claim that refuses the outcome will refuse it again: logged, not retried. Anything else is retried. */
    private void send(String refundId, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (GuaranteeClaimException e) {
            log.warn("refund {}: the claim refused {} ({})", refundId, command.getClass().getSimpleName(), e.code());
        }
    }
}
