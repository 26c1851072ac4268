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
 * Routes a command to the aggregate its {@link CommandTarget} component names; a command without one is left to Axon's
 * {@link AnnotationCommandTargetResolver} ({@code @TargetAggregateIdentifier}). The platform declares it as the
 * {@link CommandTargetResolver} of every aggregate; an {@code AggregateTestFixture} gets it with
 * {@code registerCommandTargetResolver(new CommandTargets())}.
 */
public final class CommandTargets implements CommandTargetResolver {

    private final CommandTargetResolver axonAnnotations = AnnotationCommandTargetResolver.builder().build();
    private final Map<Class<?>, Optional<Function<Object, Object>>> accessors = new ConcurrentHashMap<>();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Optional<Function<Object, Object>> accessor = accessors.computeIfAbsent(command.getPayloadType(), CommandTargets::accessorOf);
        if (accessor.isEmpty()) {
            return axonAnnotations.resolveTarget(command);
        }
        Object target = accessor.get().apply(payload);
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
