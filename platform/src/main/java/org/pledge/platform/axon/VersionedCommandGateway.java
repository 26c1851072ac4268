package org.pledge.platform.axon;

import java.util.Optional;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends a command like {@link CommandGateway#sendAndWait(Object)} (same retries, same interceptors, same exceptions)
 * and also returns the version the command left its aggregate at, for a caller that answers with an entity tag or
 * waits until a read model has caught up with its own write (docs/adr/0007-read-your-writes.md). A command that stored
 * events wakes the event processors at once ({@link StageRecordingEventStore#wakeReaders}), since its sender is about to wait for
 * them; commands sent otherwise leave the processors to their own pace, which batches more.
 */
public class VersionedCommandGateway {

    private final CommandGateway gateway;
    private final Runnable wakeProcessors;

    /** @param wakeProcessors wakes the event processors after a command stored events (e.g. {@link StageRecordingEventStore#wakeReaders}) */
    public VersionedCommandGateway(CommandGateway gateway, Runnable wakeProcessors) {
        this.gateway = gateway;
        this.wakeProcessors = wakeProcessors;
    }

    /** A command's result and, when it stored events, the version its aggregate is now at. */
    public record Outcome<R>(R result, Optional<AggregateVersion> version) {
    }

    /** Sends and waits; throws what {@code sendAndWait} would throw. */
    public <R> Outcome<R> sendAndWait(Object command) {
        FutureCallback<Object, R> callback = new FutureCallback<>();
        gateway.send(command, callback);
        CommandResultMessage<? extends R> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new CommandExecutionException("An exception occurred while executing a command", failure);
        }
        Optional<AggregateVersion> version = AggregateVersion.of(result.getMetaData());
        if (version.isPresent()) {
            wakeProcessors.run();
        }
        return new Outcome<>(result.getPayload(), version);
    }
}
