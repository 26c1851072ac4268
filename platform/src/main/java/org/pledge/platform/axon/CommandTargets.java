package org.pledge.platform.axon;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.pledge.platform.api.CommandTarget;

/**
 * Routes a command to the aggregate its {@link CommandTarget} component names
 * ({@code record AssignCaseCommand(@CommandTarget String caseId, ...)}), so that a feature's {@code api} carries no
 * Axon type; a command without one is left to Axon's {@link AnnotationCommandTargetResolver}
 * ({@code @TargetAggregateIdentifier}). No expected version is read: commands are routed by id only.
 *
 * <p>The platform declares it as the {@link CommandTargetResolver} of every aggregate
 * ({@link AxonMongoAutoConfiguration}); an aggregate names no resolver of its own. An {@code AggregateTestFixture}
 * gets it with {@code fixture.registerCommandTargetResolver(new CommandTargets())}.
 *
 * <p>A command whose target is null or blank is rejected with an {@link IllegalArgumentException} naming the command
 * type (never the command's values), before any aggregate is loaded.
 */
public final class CommandTargets implements CommandTargetResolver {

    private final CommandTargetResolver axonAnnotations = AnnotationCommandTargetResolver.builder().build();
    private final Map<Class<?>, Optional<AccessibleObject>> targets = new ConcurrentHashMap<>();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Class<?> type = command.getPayloadType();
        Optional<AccessibleObject> target = targets.computeIfAbsent(type, CommandTargets::targetOf);
        if (target.isEmpty()) {
            try {
                return axonAnnotations.resolveTarget(command);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(type.getSimpleName() + " names no target aggregate: mark the component"
                        + " that does with @CommandTarget and give it a value", e);
            }
        }
        Object id = read(target.get(), command.getPayload());
        if (id == null || id.toString().isBlank()) {
            throw new IllegalArgumentException(type.getSimpleName() + " names no target aggregate: its @CommandTarget "
                    + ((Member) target.get()).getName() + " is " + (id == null ? "null" : "blank"));
        }
        return new VersionedAggregateIdentifier(id, null);
    }

    /** The record accessor, field or no-argument method marked {@link CommandTarget}, if any. */
    private static Optional<AccessibleObject> targetOf(Class<?> type) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                if (accessor.isAnnotationPresent(CommandTarget.class)) {
                    accessor.setAccessible(true);
                    return Optional.of(accessor);
                }
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(CommandTarget.class)) {
                    field.setAccessible(true);
                    return Optional.of(field);
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(CommandTarget.class) && method.getParameterCount() == 0) {
                    method.setAccessible(true);
                    return Optional.of(method);
                }
            }
        }
        return Optional.empty();
    }

    private static Object read(AccessibleObject target, Object payload) {
        try {
            return target instanceof Field field ? field.get(payload) : ((Method) target).invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the command target " + target, e);
        }
    }
}
