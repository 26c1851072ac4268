package org.pledge.platform.axon;

import jakarta.annotation.Nonnull;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Makes every answer decided on a cached aggregate ({@link HitRecordingAggregateCache}) as good as one decided on the
 * event store's copy:
 * <ul>
 *   <li>the command appended events: the event store accepts them only at the next sequence number of the aggregate,
 *       so a stale copy ends in a {@link ConcurrencyException} and the command is retried on a fresh load — nothing
 *       to do here;</li>
 *   <li>the command was rejected, or changed nothing: nothing proved the copy current, so this interceptor fails the
 *       attempt with a {@link StaleAggregateException}; the unit of work rolls back, which drops the cached copy
 *       (Axon's caching repository does that on every rollback), and {@link ConflictRetryScheduler} runs the command
 *       again at once, now on the aggregate as stored. The answer the caller gets is that attempt's.</li>
 * </ul>
 * A rejection therefore costs two attempts when the aggregate was cached; the common path (a command that appends)
 * costs no read at all.
 */
public final class CachedRejectionGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         @Nonnull InterceptorChain interceptorChain) throws Exception {
        Object result;
        try {
            result = interceptorChain.proceed();
        } catch (Exception e) {
            if (HitRecordingAggregateCache.servedFromCache(unitOfWork) && !(e instanceof ConcurrencyException)) {
                throw new StaleAggregateException(
                        "rejected on a cached aggregate; deciding again on the stored one", e);
            }
            throw e;
        }
        if (HitRecordingAggregateCache.servedFromCache(unitOfWork) && !StageRecordingEventStore.any(unitOfWork)) {
            throw new StaleAggregateException("no change on a cached aggregate; deciding again on the stored one", null);
        }
        return result;
    }
}
