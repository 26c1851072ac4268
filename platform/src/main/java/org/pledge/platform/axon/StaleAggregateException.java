package org.pledge.platform.axon;

import org.axonframework.modelling.command.ConcurrencyException;

/**
 * A command was decided on a cached copy of its aggregate and did not append anything — it was rejected, or it
 * changed nothing — so nothing proved the copy current (see {@link CachedRejectionGuard}). A
 * {@link ConcurrencyException}, so {@link ConflictRetryScheduler} runs the command again at once; the failed attempt
 * dropped the cached copy, so the retry decides on the aggregate as the event store has it. The caller sees the
 * retry's answer, never this exception, unless every retry meets a new cached copy.
 */
public class StaleAggregateException extends ConcurrencyException {

    public StaleAggregateException(String message, Throwable cause) {
        super(message, cause);
    }
}
