package org.pledge.platform.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.annotation.Nonnull;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Runs work that handlers left for the end of their batch right after the batch's last event was handled — inside the
 * batch's unit of work, <em>before</em> it commits, so before the processor stores its token (Axon's work package
 * stores it in the first prepare-commit callback, which would run before any a handler registers). A failure there
 * fails the batch, which the processor retries from the stored token, like a failing handler.
 *
 * <p>Registered on every event processor of a Pledge service (platform auto-configuration). Handlers reach it
 * through {@link #gatherer} (or {@link #atEnd}); {@link SequencedDocuments} uses it to write a batch's documents at
 * once, the integration-event publisher to wait once for a batch's acknowledgements.
 */
public final class BatchEndTasks implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String ACTIVE = BatchEndTasks.class.getName() + ".active";
    private static final String TASKS = BatchEndTasks.class.getName() + ".tasks";

    /**
     * Whether work can be left for the end of the batch of {@code unitOfWork}: this interceptor runs around its events.
     * Where it does not (a handler called outside an event processor), callers do their work at once.
     */
    public static boolean active(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().containsKey(ACTIVE);
    }

    /**
     * The object that gathers one kind of work of the current batch under {@code key}: made by {@code create} (given
     * the batch's unit of work) at its first use in the batch, and handed to {@code finish} after the batch's last
     * event, when it is also forgotten. Null when no batch is active ({@link #active}): the caller works at once.
     */
    public static <T> T gatherer(String key, Function<UnitOfWork<?>, T> create, Consumer<T> finish) {
        UnitOfWork<?> root = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
        if (root == null || !active(root)) {
            return null;
        }
        T gatherer = root.getResource(key);
        if (gatherer == null) {
            T fresh = create.apply(root);
            root.resources().put(key, fresh);
            atEnd(root, () -> {
                root.resources().remove(key);
                finish.accept(fresh);
            });
            gatherer = fresh;
        }
        return gatherer;
    }

    /** The current batch's gatherer under {@code key} if this batch made one ({@link #gatherer}), else null. */
    public static <T> T existingGatherer(String key) {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(key) : null;
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
