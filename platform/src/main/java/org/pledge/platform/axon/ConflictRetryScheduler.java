package org.pledge.platform.axon;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.Nonnull;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a command only when it lost a race for its aggregate: the failure (or a cause of it) is a
 * {@link ConcurrencyException}, which the event store raises when another command appended at the same aggregate
 * sequence first — on another instance, or on this one while a cached copy of the aggregate was stale. The retry
 * loads the aggregate afresh (Axon drops a cached aggregate when its unit of work rolls back) and decides again, so
 * a command that is no longer valid is then rejected by the aggregate as usual. Every other failure — a rejected
 * transition, bad input, an unreachable database — is the caller's answer at once, never repeated.
 *
 * <p>A {@link StaleAggregateException} (a cached aggregate rejected the command or left it unchanged) is retried
 * at once. Otherwise the n-th retry waits {@code interval × 2^(n-1)}, scaled by a random factor in [0.5, 1.5) so that two racers
 * that keep colliding drift apart.
 *
 * <p>Axon's retry catches an {@link Exception} from the retried dispatch and answers the caller with it; an
 * {@link Error} would end silently inside the executor's future, leaving a {@code sendAndWait} caller waiting with no
 * trace. Each retry here logs such an error (the command's type, never its payload) before it ends the task.
 */
public final class ConflictRetryScheduler extends AbstractRetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryScheduler.class);

    private final long intervalMillis;

    private ConflictRetryScheduler(Builder builder) {
        super(builder);
        this.intervalMillis = builder.intervalMillis;
    }

    /** Up to {@code maxRetries} retries, {@code intervalMillis} apart, on {@code executor}. */
    public static ConflictRetryScheduler of(ScheduledExecutorService executor, int maxRetries, long intervalMillis) {
        Builder builder = new Builder();
        builder.intervalMillis = intervalMillis;
        return new ConflictRetryScheduler(builder.retryExecutor(executor).maxRetryCount(maxRetries));
    }

    @Override
    public boolean scheduleRetry(@Nonnull CommandMessage commandMessage, @Nonnull RuntimeException lastFailure,
                                 @Nonnull List<Class<? extends Throwable>[]> failures, @Nonnull Runnable dispatchTask) {
        String command = commandMessage.getPayloadType().getSimpleName();
        return super.scheduleRetry(commandMessage, lastFailure, failures, () -> {
            try {
                dispatchTask.run();
            } catch (Error e) {
                log.error("The retry of command {} ended with an error; its sender gets no answer", command, e);
                throw e;
            }
        });
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected long computeRetryInterval(@Nonnull CommandMessage commandMessage, @Nonnull RuntimeException lastFailure,
                                        @Nonnull List<Class<? extends Throwable>[]> failures) {
        if (lastFailure instanceof StaleAggregateException) {
            return 0; // nobody to drift apart from: the retry just skips the cache (see CachedRejectionGuard)
        }
        int retry = Math.max(1, failures.size());
        double jitter = 0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble();
        return Math.round(intervalMillis * Math.pow(2, Math.min(retry - 1, 10)) * jitter);
    }

    private static final class Builder extends AbstractRetryScheduler.Builder<Builder> {
        private long intervalMillis;
    }
}
