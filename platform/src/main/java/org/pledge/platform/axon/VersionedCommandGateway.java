package org.pledge.platform.axon;

import java.util.Optional;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends a command like {@link CommandGateway#sendAndWait(Object)} (same retries, same interceptors, same exceptions)
 * and also returns the version the command left its aggregate at, for a caller that answers with an entity tag or
 * waits until a read model has caught up with its own write (docs/adr/0007-read-your-writes.md).
 */
public class VersionedCommandGateway {

    private final CommandGateway gateway;

    public VersionedCommandGateway(CommandGateway gateway) {
        this.gateway = gateway;
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
        return new Outcome<>(result.getPayload(), AggregateVersion.of(result.getMetaData()));
    }
}
