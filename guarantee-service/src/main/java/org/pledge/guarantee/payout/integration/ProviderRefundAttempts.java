package org.pledge.guarantee.payout.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.guarantee.claim.api.RefundInstructedEvent;
import org.pledge.guarantee.payout.api.AttemptPlan;
import org.pledge.guarantee.payout.api.AttemptPlan.Action;
import org.pledge.guarantee.payout.api.ProviderRefundStatus;
import org.pledge.guarantee.payout.api.RecordProviderRefundProblemCommand;
import org.pledge.guarantee.payout.api.RecordProviderRefundStatusCommand;
import org.pledge.guarantee.payout.api.RequestProviderRefundCommand;
import org.pledge.guarantee.payout.api.StartProviderRefundAttemptCommand;
import org.pledge.guarantee.payout.integration.PaymentProvider.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt to pay a refund through the provider, in the order that makes a second payment impossible:
 * <ol>
 * <li>{@link StartProviderRefundAttemptCommand}: the aggregate stores the intent (and a lease) and says what to do;</li>
 * <li>if the refund may have reached the provider before, look it up by its key first; send it only when the provider
 *     does not have it. Within the attempt, a time-out, reset or 5xx is retried (Resilience4j: exponential back-off
 *     with jitter) behind a circuit breaker, and each retry looks the refund up first;</li>
 * <li>record what the provider said, or the problem (the aggregate schedules the next attempt, or fails the refund
 *     once the attempts are used up).</li>
 * </ol>
 * Every command runs on this class's own threads, outside any event processor's unit of work, so each is stored when
 * it returns: the intent is in the event store before the call leaves.
 */
public class ProviderRefundAttempts {

    private static final Logger log = LoggerFactory.getLogger(ProviderRefundAttempts.class);

    private final CommandGateway commands;
    private final PaymentProvider provider;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final PaymentProperties properties;
    private final ExecutorService workers;
    private final Clock clock;

    public ProviderRefundAttempts(CommandGateway commands, PaymentProvider provider, Retry retry, CircuitBreaker circuitBreaker,
                                  PaymentProperties properties, ExecutorService workers, Clock clock) {
        this.commands = commands;
        this.provider = provider;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.properties = properties;
        this.workers = workers;
        this.clock = clock;
    }

    /** Records the instructed refund (once) and makes its attempt now; returns when both are recorded. */
    public void instructed(RefundInstructedEvent event) {
        onWorker(() -> {
            commands.sendAndWait(new RequestProviderRefundCommand(event.refundId(), event.claimId(), event.caseId(),
                    event.amount(), event.paymentReference(), clock.instant()));
            attempt(event.refundId());
        });
    }

    /** Makes the refund's attempt if one is due (the sweep's entry); returns when its outcome is recorded. */
    public void due(String refundId) {
        onWorker(() -> attempt(refundId));
    }

    private void onWorker(Runnable work) {
        Future<?> done = workers.submit(work);
        try {
            done.get();
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paying a refund", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void attempt(String refundId) {
        if (circuitBreaker.getState() == CircuitBreaker.State.OPEN) {
            // the provider is known to be down: no attempt is started (none is used up); the refund stays due
            log.info("refund {}: the circuit to the provider is open; taken up again by the sweep", refundId);
            return;
        }
        Instant now = clock.instant();
        AttemptPlan plan = commands.sendAndWait(new StartProviderRefundAttemptCommand(refundId, now, now.plus(properties.lease())));
        if (plan == null || plan.action() == Action.NONE) {
            return;
        }
        if (plan.action() == Action.POLL) {
            poll(refundId);
            return;
        }
        try {
            Outcome outcome = callWithRetries(refundId, plan);
            record(refundId, outcome.answer(), outcome.source());
        } catch (PaymentProvider.Refused refused) {
            log.warn("refund {}: the provider refused it ({})", refundId, refused.reason());
            commands.sendAndWait(new RecordProviderRefundStatusCommand(refundId, null, ProviderRefundStatus.REJECTED,
                    refused.reason(), "answer", null, clock.instant()));
        } catch (PaymentProvider.Unavailable | CallNotPermittedException problem) {
            String code = problem instanceof CallNotPermittedException ? "CIRCUIT_OPEN" : ((PaymentProvider.Unavailable) problem).problem();
            Instant at = clock.instant();
            Instant retryAt = at.plus(properties.attempts().backOffAfter(plan.attempt()));
            log.warn("refund {}: attempt {} ended without an answer ({}); next attempt at {} (of {} in all)", refundId,
                    plan.attempt(), code, retryAt, properties.attempts().max());
            commands.sendAndWait(new RecordProviderRefundProblemCommand(refundId, plan.attempt(), code, retryAt,
                    properties.attempts().max(), at));
        }
    }

    private record Outcome(Answer answer, String source) {
    }

    private Outcome callWithRetries(String refundId, AttemptPlan plan) {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Outcome> once = () -> {
            boolean lookUpFirst = plan.action() == Action.LOOK_UP_THEN_CALL || calls.getAndIncrement() > 0;
            if (lookUpFirst) {
                Optional<Answer> found = provider.lookUp(refundId);
                if (found.isPresent()) {
                    return new Outcome(found.get(), "look-up");
                }
            }
            try {
                return new Outcome(provider.send(refundId, plan.amount(), plan.paymentReference(), properties.callbackUrl()), "answer");
            } catch (PaymentProvider.KeyConflict conflict) {
                return provider.lookUp(refundId).map(answer -> new Outcome(answer, "look-up"))
                        .orElseThrow(() -> new PaymentProvider.Refused("IDEMPOTENCY_CONFLICT"));
            }
        };
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, once)).get();
    }

    private void poll(String refundId) {
        try {
            Optional<Answer> found = CircuitBreaker.decorateSupplier(circuitBreaker, () -> provider.lookUp(refundId)).get();
            found.ifPresent(answer -> record(refundId, answer, "look-up"));
        } catch (PaymentProvider.Unavailable | CallNotPermittedException problem) {
            log.info("refund {}: status look-up failed ({}); polled again later", refundId, problem.getMessage());
        }
    }

    private void record(String refundId, Answer answer, String source) {
        commands.sendAndWait(new RecordProviderRefundStatusCommand(refundId, answer.providerRefundId(), answer.status(),
                answer.reason(), source, null, clock.instant()));
    }
}
