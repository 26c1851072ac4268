package org.pledge.feedback.satisfaction.query;

import java.util.List;
import java.util.function.BiFunction;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.platform.axon.StageRecordingEventStore;

/**
 * Wakes the event processors as soon as a unit of work that recorded an answer has committed, so that the figures show
 * the answer within milliseconds instead of at the processors' next idle look (every 500 ms): the issue asks for the
 * figures within one second of the answer. Wakes are rate-limited by the store ({@code pledge.axon.processor-wake-interval}),
 * so a burst of answers still reaches the processors in batches. An answer published outside a unit of work is seen at
 * the next idle look.
 */
public final class AnswerWake implements MessageDispatchInterceptor<EventMessage<?>> {

    private final StageRecordingEventStore store;

    public AnswerWake(StageRecordingEventStore store) {
        this.store = store;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted() && messages.stream().anyMatch(m -> m.getPayload() instanceof FeedbackReceivedEvent)) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> store.wakeReaders());
        }
        return (index, message) -> message;
    }
}
