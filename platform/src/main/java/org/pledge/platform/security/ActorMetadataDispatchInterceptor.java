package org.pledge.platform.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.pledge.platform.web.CorrelationId;

/**
 * Adds {@code actor}, {@code actorRoles}, {@code client} and {@code correlationId} from the current request to
 * every command dispatched on the command bus. Values already on the command win (e.g. a command sent from an event
 * handler that copied them on purpose); outside a request nothing is added.
 */
public class ActorMetadataDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>();
            CurrentActor.current().ifPresent(actor -> {
                added.put(ActorMetadata.ACTOR, actor.subject());
                added.put(ActorMetadata.ACTOR_ROLES, String.join(",", actor.roles()));
                if (actor.client() != null) {
                    added.put(ActorMetadata.CLIENT, actor.client());
                }
            });
            CorrelationId.current().ifPresent(id -> added.put(ActorMetadata.CORRELATION_ID, id));
            MetaData existing = command.getMetaData();
            existing.keySet().forEach(added::remove);
            return added.isEmpty() ? command : command.andMetaData(added);
        };
    }
}
