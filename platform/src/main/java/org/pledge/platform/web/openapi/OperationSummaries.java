package org.pledge.platform.web.openapi;

import java.util.Locale;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Every operation has a summary: one that has none (no {@code @Operation(summary = ...)}) gets its handler method's
 * name in words, {@code replayOutbound} → "Replay outbound". Better than none for a client; an annotation says more.
 */
class OperationSummaries implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(words(handlerMethod.getMethod().getName()));
        }
        return operation;
    }

    /** {@code listDeadLetters} → "List dead letters". */
    static String words(String camelCase) {
        String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').trim().toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? camelCase : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
