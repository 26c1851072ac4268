package org.pledge.platform.readmodel;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Nonnull;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Runs work that handlers left for the end of their batch right after the batch's last event was handled — inside the
 * batch's unit of work, <em>before</em> it commits, so before the processor stores its token (Axon's work package
 * stores it in the first prepare-commit callback, which would run before any a handler registers). A failure there
 * fails the batch, which the processor retries from the stored token, like a failing handler.
 *
 * <p>Registered on every event processor of a Pledge service (platform auto-configuration). Handlers reach it
 * through {@link #atEnd}; {@link SequencedDocuments} uses it to write a batch's documents at once.
 */
public final class EndOfBatch implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String ACTIVE = EndOfBatch.class.getName() + ".active";
    private static final String TASKS = EndOfBatch.class.getName() + ".tasks";

    /**
     * Whether work can be left for the end of the batch of {@code unitOfWork}: this interceptor runs around its events.
     * Where it does not (a handler called outside an event processor), callers do their work at once.
     */
    public static boolean active(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().containsKey(ACTIVE);
    }

    /** Runs {@code task} after the last event of the batch of {@code unitOfWork} (see {@link #active}). */
    public static void atEnd(UnitOfWork<?> unitOfWork, Runnable task) {
        List<Runnable> tasks = unitOfWork.getResource(TASKS);
        if (tasks == null) {
            tasks = new ArrayList<>();
            unitOfWork.resources().put(TASKS, tasks);
        }
        tasks.add(task);
    }

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         @Nonnull InterceptorChain interceptorChain) throws Exception {
        unitOfWork.resources().put(ACTIVE, Boolean.TRUE);
        Object result = interceptorChain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            List<Runnable> tasks = unitOfWork.getResource(TASKS);
            if (tasks != null) {
                unitOfWork.resources().remove(TASKS);
                for (Runnable task : tasks) {
                    task.run();
                }
            }
        }
        return result;
    }
}
