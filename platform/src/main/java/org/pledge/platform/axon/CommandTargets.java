package org.pledge.platform.axon;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.pledge.platform.api.CommandTarget;

/**
 * Routes commands that carry no Axon annotation, so that a feature's {@code api} stays free of framework types. Two
 * ways, both without an Axon type in the command:
 * <ul>
 *   <li>By annotation (the default of every aggregate): the command's {@link CommandTarget} component names the
 *       aggregate; a command without one is left to Axon's {@link AnnotationCommandTargetResolver}
 *       ({@code @TargetAggregateIdentifier}). The platform declares an instance as the service's
 *       {@link CommandTargetResolver} unless the service declares one; an {@code AggregateTestFixture} gets it with
 *       {@code registerCommandTargetResolver(new CommandTargets())}.</li>
 *   <li>By interface: the feature's commands implement an interface of its own that names the target aggregate's id,
 *       and the aggregate names a resolver bean made with {@link #by} ({@code @Aggregate(commandTargetResolver = "...")}):
 *       <pre>
 * &#64;Bean("notificationTarget")
 * CommandTargetResolver notificationTarget() {
 *     return CommandTargets.by(NotificationCommand.class, NotificationCommand::notificationId);
 * }
 *       </pre></li>
 * </ul>
 */
public final class CommandTargets implements CommandTargetResolver {

    private final CommandTargetResolver axonAnnotations = AnnotationCommandTargetResolver.builder().build();
    private final Map<Class<?>, Optional<Function<Object, Object>>> accessors = new ConcurrentHashMap<>();

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

    /** Resolves by the command's {@link CommandTarget} component, else by Axon's annotations. */
    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Optional<Function<Object, Object>> accessor = accessors.computeIfAbsent(command.getPayloadType(), CommandTargets::accessorOf);
        if (accessor.isEmpty()) {
            return axonAnnotations.resolveTarget(command);
        }
        Object target = accessor.get().apply(command.getPayload());
        if (target == null) {
            throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate. "
                    + "Make sure the @CommandTarget component of " + command.getPayloadType().getSimpleName() + " is not null.");
        }
        return new VersionedAggregateIdentifier(target, null);
    }

    private static Optional<Function<Object, Object>> accessorOf(Class<?> type) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                if (accessor.isAnnotationPresent(CommandTarget.class) || component.isAnnotationPresent(CommandTarget.class)) {
                    return Optional.of(payload -> invoke(accessor, payload));
                }
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(CommandTarget.class)) {
                    field.setAccessible(true);
                    return Optional.of(payload -> read(field, payload));
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(CommandTarget.class) && method.getParameterCount() == 0) {
                    method.setAccessible(true);
                    return Optional.of(payload -> invoke(method, payload));
                }
            }
        }
        return Optional.empty();
    }

    private static Object invoke(Method method, Object payload) {
        try {
            return method.invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the command target " + method, e);
        }
    }

    private static Object read(Field field, Object payload) {
        try {
            return field.get(payload);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the command target " + field, e);
        }
    }
}
