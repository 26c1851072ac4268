package org.pledge.guarantee.payout.query;

import java.time.Duration;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.guarantee.payout.api.ProviderRefundAcceptedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundAttemptStartedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundFailedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundRequestedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundRetryScheduledEvent;
import org.pledge.guarantee.payout.api.ProviderRefundSettledEvent;
import org.pledge.guarantee.payout.integration.PaymentProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ProviderRefunds} in step with the provider refunds' events; idempotent, so a replay rebuilds it. When a
 * refund is next due: a lease's end (an attempt that never reported, e.g. a crash), a scheduled retry, or, once the
 * provider has it, the next status poll ({@code pledge.payments.lease} after acceptance).
 */
@Component
@ProcessingGroup(ProviderRefundProjection.GROUP)
class ProviderRefundProjection {

    static final String GROUP = ProviderRefunds.PROJECTION_GROUP;

    private final ProviderRefunds refunds;
    private final Duration lease;

    ProviderRefundProjection(ProviderRefunds refunds, PaymentProperties properties) {
        this.refunds = refunds;
        this.lease = properties.lease();
    }

    @EventHandler
    void on(ProviderRefundRequestedEvent event, @SequenceNumber long sequence) {
        refunds.apply(event.refundId(), sequence, current -> new ProviderRefundDocument(event.refundId(), event.claimId(),
                "REQUESTED", 0, event.requestedAt().plus(lease), null, null, event.requestedAt(), sequence));
    }

    @EventHandler
    void on(ProviderRefundAttemptStartedEvent event, @SequenceNumber long sequence) {
        refunds.apply(event.refundId(), sequence, current -> current == null ? null
                : current.with("ACCEPTED".equals(current.status()) ? "ACCEPTED" : "ATTEMPTING", event.attempt(),
                        event.leaseUntil(), current.providerRefundId(), current.lastProblem(), event.at(), sequence));
    }

    @EventHandler
    void on(ProviderRefundAcceptedEvent event, @SequenceNumber long sequence) {
        refunds.apply(event.refundId(), sequence, current -> current == null ? null
                : current.with("ACCEPTED", current.attempts(), event.at().plus(lease), event.providerRefundId(),
                        current.lastProblem(), event.at(), sequence));
    }

    @EventHandler
    void on(ProviderRefundRetryScheduledEvent event, @SequenceNumber long sequence) {
        refunds.apply(event.refundId(), sequence, current -> current == null ? null
                : current.with("RETRY_SCHEDULED", event.attempt(), event.retryAt(), current.providerRefundId(),
                        event.problem(), event.at(), sequence));
    }

    @EventHandler
    void on(ProviderRefundSettledEvent event, @SequenceNumber long sequence) {
        refunds.apply(event.refundId(), sequence, current -> current == null ? null
                : current.with("SETTLED", current.attempts(), null, event.providerRefundId(), current.lastProblem(),
                        event.settledAt(), sequence));
    }

    @EventHandler
    void on(ProviderRefundFailedEvent event, @SequenceNumber long sequence) {
        refunds.apply(event.refundId(), sequence, current -> current == null ? null
                : current.with("FAILED", current.attempts(), null, event.providerRefundId(), event.reason(),
                        event.failedAt(), sequence));
    }

    @ResetHandler
    void reset() {
        refunds.deleteAll();
    }
}
