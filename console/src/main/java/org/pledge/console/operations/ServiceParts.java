package org.pledge.console.operations;

import java.util.function.Supplier;

import org.pledge.console.services.Service;
import org.pledge.console.services.ServiceApis;
import org.pledge.console.services.ServiceProblemException;
import org.pledge.console.shell.ProblemAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * Asks one service for its part of a page and turns a failure into a note instead of failing the whole page: a service
 * that is down or does not answer ({@code ops.part.unreachable}, with its name) or answers with a problem (its plain words, {@link ProblemAdvice#words}).
 */
@Component
public class ServiceParts {

    private static final Logger log = LoggerFactory.getLogger(ServiceParts.class);

    private final ProblemAdvice advice;
    private final MessageSource messages;

    public ServiceParts(ProblemAdvice advice, MessageSource messages) {
        this.advice = advice;
        this.messages = messages;
    }

    /** {@code call}'s answer from {@code service}, or a note saying in plain words why there is none. */
    public <T> ServicePart<T> ask(Service service, Supplier<T> call) {
        try {
            return new ServicePart<>(service, call.get(), null);
        } catch (ServiceProblemException problem) {
            log.info("{} answered {} {} for a page part", service.id(), problem.status(), problem.code());
            if (ServiceApis.UNAVAILABLE.equals(problem.code())) {
                return unreachable(service);
            }
            return new ServicePart<>(service, null, advice.words(problem));
        } catch (ResourceAccessException unreachable) {
            log.warn("{} could not be reached for a page part: {}", service.id(), unreachable.getClass().getSimpleName());
            return unreachable(service);
        }
    }

    private <T> ServicePart<T> unreachable(Service service) {
        return new ServicePart<>(service, null, messages.getMessage("ops.part.unreachable", new Object[]{service.id()},
                LocaleContextHolder.getLocale()));
    }
}
