package org.pledge.guarantee.payout.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.payout.api.AttemptPlan;
import org.pledge.guarantee.payout.api.AttemptPlan.Action;
import org.pledge.guarantee.payout.api.ProviderRefundAcceptedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundAttemptStartedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundFailedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundRequestedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundRetryScheduledEvent;
import org.pledge.guarantee.payout.api.ProviderRefundSettledEvent;
import org.pledge.guarantee.payout.api.RecordProviderRefundProblemCommand;
import org.pledge.guarantee.payout.api.RecordProviderRefundStatusCommand;
import org.pledge.guarantee.payout.api.RequestProviderRefundCommand;
import org.pledge.guarantee.payout.api.StartProviderRefundAttemptCommand;

/**
 * One refund paid back through the payment provider (id = the refund id, the provider's idempotency key). It is the
 * record that makes the payment happen at most once and be known exactly once:
 * <ul>
 * <li>every talk with the provider begins with {@link StartProviderRefundAttemptCommand}, which stores the intent
 *     ({@link ProviderRefundAttemptStartedEvent}) before any call, and tells the caller whether to send, to look the
 *     refund up by its key first (it may have reached the provider before), to poll, or to do nothing;</li>
 * <li>what the provider says ({@link RecordProviderRefundStatusCommand}: an answer, a look-up, a callback) moves it
 *     forward only: a settled or failed refund stays so, a status that comes late, twice or out of order changes
 *     nothing;</li>
 * <li>an attempt without an answer ({@link RecordProviderRefundProblemCommand}) schedules the next attempt, or fails
 *     the refund once the attempts are used up.</li>
 * </ul>
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class ProviderRefund {

    @AggregateIdentifier
    private String refundId;
    private String claimId;
    private Money amount;
    private String paymentReference;
    private int attempts;
    private boolean attemptedBefore;
    private boolean accepted;
    private boolean finished;
    private String providerRefundId;
    private Instant leaseUntil;
    private Instant retryAt;

    /** For Axon. */
    protected ProviderRefund() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestProviderRefundCommand command) {
        if (refundId != null) {
            return; // the instruction again: recorded already
        }
        requireText(command.refundId(), "refundId");
        requireText(command.claimId(), "claimId");
        requireText(command.paymentReference(), "paymentReference");
        if (command.amount() == null || command.amount().amount().signum() <= 0) {
            throw new IllegalArgumentException("a refund's amount is positive");
        }
        apply(new ProviderRefundRequestedEvent(command.refundId(), command.claimId(), command.caseId(), command.amount(),
                command.paymentReference(), command.requestedAt()));
    }

    @CommandHandler
    AttemptPlan handle(StartProviderRefundAttemptCommand command) {
        if (finished) {
            return AttemptPlan.none();
        }
        if (leaseUntil != null && command.at().isBefore(leaseUntil)) {
            return AttemptPlan.none(); // another attempt is under way
        }
        if (!accepted && retryAt != null && command.at().isBefore(retryAt)) {
            return AttemptPlan.none(); // not due yet
        }
        Action action = accepted ? Action.POLL : attemptedBefore ? Action.LOOK_UP_THEN_CALL : Action.CALL;
        int attempt = accepted ? attempts : attempts + 1;
        apply(new ProviderRefundAttemptStartedEvent(refundId, attempt, action, command.at(), command.leaseUntil()));
        return new AttemptPlan(action, attempt, amount, paymentReference);
    }

    @CommandHandler
    void handle(RecordProviderRefundStatusCommand command) {
        if (finished || command.status() == null) {
            return; // final already: a late, repeated or reordered status changes nothing
        }
        String providerId = command.providerRefundId() != null ? command.providerRefundId() : providerRefundId;
        switch (command.status()) {
            case SETTLED -> apply(new ProviderRefundSettledEvent(refundId, claimId, providerId, command.source(), command.at()));
            case REJECTED -> apply(new ProviderRefundFailedEvent(refundId, claimId, providerId,
                    "PROVIDER_REJECTED:" + (command.reason() == null ? "UNKNOWN" : command.reason()), command.at()));
            case PENDING -> {
                if (!accepted) {
                    apply(new ProviderRefundAcceptedEvent(refundId, providerId, command.source(), command.at()));
                }
            }
        }
    }

    @CommandHandler
    void handle(RecordProviderRefundProblemCommand command) {
        if (finished || accepted || command.attempt() != attempts) {
            return; // settled, failed or with the provider already, or a stale attempt's report
        }
        if (attempts >= command.maxAttempts()) {
            apply(new ProviderRefundFailedEvent(refundId, claimId, providerRefundId, "RETRIES_EXHAUSTED:" + command.problem(),
                    command.at()));
        } else {
            apply(new ProviderRefundRetryScheduledEvent(refundId, attempts, command.problem(), command.retryAt(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(ProviderRefundRequestedEvent event) {
        refundId = event.refundId();
        claimId = event.claimId();
        amount = event.amount();
        paymentReference = event.paymentReference();
    }

    @EventSourcingHandler
    void on(ProviderRefundAttemptStartedEvent event) {
        if (event.action() != Action.POLL) {
            attempts = event.attempt();
            attemptedBefore = true;
        }
        leaseUntil = event.leaseUntil();
    }

    @EventSourcingHandler
    void on(ProviderRefundAcceptedEvent event) {
        accepted = true;
        providerRefundId = event.providerRefundId();
        leaseUntil = null;
        retryAt = null;
    }

    @EventSourcingHandler
    void on(ProviderRefundRetryScheduledEvent event) {
        leaseUntil = null;
        retryAt = event.retryAt();
    }

    @EventSourcingHandler
    void on(ProviderRefundSettledEvent event) {
        finished = true;
        providerRefundId = event.providerRefundId();
        leaseUntil = null;
    }

    @EventSourcingHandler
    void on(ProviderRefundFailedEvent event) {
        finished = true;
        leaseUntil = null;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
