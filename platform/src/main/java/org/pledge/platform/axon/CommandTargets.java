package org.pledge.platform.axon;

import java.util.function.Function;

import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Command target resolvers for commands that carry no Axon annotation: a feature's {@code api} stays free of
 * framework types, its commands implement an interface of its own that names the target aggregate's id, and the
 * aggregate names the resolver's bean ({@code @Aggregate(commandTargetResolver = "...")}).
 *
 * <pre>
 * &#64;Bean("notificationTarget")
 * CommandTargetResolver notificationTarget() {
 *     return CommandTargets.by(NotificationCommand.class, NotificationCommand::notificationId);
 * }
 * </pre>
 */
public final class CommandTargets {

    private CommandTargets() {
    }

    /** Resolves a command of {@code type} to the aggregate {@code targetId} names (no expected version). */
    public static <T> CommandTargetResolver by(Class<T> type, Function<? super T, String> targetId) {
        return command -> {
            Object payload = command.getPayload();
            if (!type.isInstance(payload)) {
                throw new IllegalArgumentException(command.getPayloadType().getSimpleName() + " is not a " + type.getSimpleName());
            }
            String id = targetId.apply(type.cast(payload));
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(command.getPayloadType().getSimpleName() + " names no target aggregate");
            }
            return new VersionedAggregateIdentifier(id, null);
        };
    }
}
