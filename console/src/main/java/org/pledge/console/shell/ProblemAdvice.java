package org.pledge.console.shell;

import jakarta.servlet.http.HttpServletResponse;
import org.pledge.console.services.ServiceProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A service's problem, shown in plain words on the console's problem page with the service's status (a 404 stays a
 * 404, a 409 a 409): the console's message {@code problem.<code>} in the person's language when it has one, else the
 * service's title and detail. A page that wants the problem next to a form (an approval refused) catches
 * {@link ServiceProblemException} itself and renders {@link #words} there.
 */
@ControllerAdvice
public class ProblemAdvice {

    private final MessageSource messages;

    public ProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ServiceProblemException.class)
    String serviceProblem(ServiceProblemException problem, Model model, HttpServletResponse response) {
        // the service's own 4xx; a service that is down: 503; a service that failed: 502 (the console is a gateway)
        response.setStatus(problem.status() == 503 ? 503 : problem.status() >= 500 ? 502 : problem.status());
        model.addAttribute("problem", problem);
        model.addAttribute("problemWords", words(problem));
        return "shell/problem";
    }

    /** What went wrong, in the person's language. */
    public String words(ServiceProblemException problem) {
        String fallback = problem.detail() != null ? problem.detail()
                : problem.title() != null ? problem.title()
                : messages.getMessage("problem.unknown", new Object[]{problem.service().id(), problem.status()},
                        "The service answered " + problem.status() + ".", LocaleContextHolder.getLocale());
        return messages.getMessage("problem." + problem.code(), null, fallback, LocaleContextHolder.getLocale());
    }
}
