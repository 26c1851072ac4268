package org.pledge.guarantee.payout.integration;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.pledge.guarantee.claim.api.RecordRefundFailedCommand;
import org.pledge.guarantee.claim.api.RecordRefundPaidCommand;
import org.pledge.guarantee.payout.api.ProviderRefundFailedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundSettledEvent;
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

    private final CommandGateway commands;
    private final Clock clock;

    ClaimOutcomes(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(ProviderRefundSettledEvent event) {
        commands.sendAndWait(new RecordRefundPaidCommand(event.claimId(), event.refundId(), event.providerRefundId(),
                event.settledAt() != null ? event.settledAt() : clock.instant()));
    }

    @EventHandler
    void on(ProviderRefundFailedEvent event) {
        commands.sendAndWait(new RecordRefundFailedCommand(event.claimId(), event.refundId(), event.reason(),
                event.failedAt() != null ? event.failedAt() : clock.instant()));
    }
}
