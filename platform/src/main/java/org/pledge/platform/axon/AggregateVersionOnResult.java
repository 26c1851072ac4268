package org.pledge.platform.axon;

import jakarta.annotation.Nonnull;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Puts the version a command left its aggregate at ({@link AggregateVersion}: the sequence number of the last event
 * it staged, as {@link StageRecordingEventStore} noted it) into the metadata of the command's result. The payload is unchanged, so
 * {@code sendAndWait} callers see what they always did; {@link VersionedCommandGateway} reads the version. A command
 * that stored nothing gets no version. Registered on the command bus by the platform.
 */
public final class AggregateVersionOnResult implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         @Nonnull InterceptorChain interceptorChain) throws Exception {
        Object result = interceptorChain.proceed();
        AggregateVersion version = StageRecordingEventStore.last(unitOfWork);
        if (version == null) {
            return result;
        }
        CommandResultMessage<?> message = GenericCommandResultMessage.asCommandResultMessage(result);
        return message.andMetaData(version.asMetaData());
    }
}
