package org.pledge.feedback.surveypage.web;

import jakarta.servlet.http.HttpServletRequest;
import org.pledge.feedback.survey.api.SurveyTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The survey page's errors are pages too, in the client's language ({@code ?lang=}, else the browser's), never a
 * stack trace, a problem JSON or the white-label page: a link that does not work (404), has expired (410) or was used
 * already (409), and anything unexpected (500: the answer was not recorded, the link still works). The controller's
 * own exception handlers call these (a controller's handlers come before every advice, so the service's problem JSON
 * for {@link SurveyTokenException} answers the JSON API only).
 */
final class SurveyPageErrors {

    static final String LINK_PROBLEM = "surveypage/link-problem";

    private static final Logger log = LoggerFactory.getLogger(SurveyPageErrors.class);

    private SurveyPageErrors() {
    }

    static ModelAndView linkProblem(SurveyTokenException ex, HttpServletRequest request) {
        HttpStatus status = switch (ex.reason()) {
            case INVALID -> HttpStatus.NOT_FOUND;
            case EXPIRED -> HttpStatus.GONE;
            case USED -> HttpStatus.CONFLICT;
        };
        // the reason only: the exception's message may describe the token, which is a credential
        log.debug("Survey page: link refused ({})", ex.reason());
        return page(request, ex.reason().name().toLowerCase(java.util.Locale.ROOT), status);
    }

    static ModelAndView unexpected(Exception ex, HttpServletRequest request) {
        // the exception's type and stack, not its message nor the request's path (both may hold the token)
        log.error("Survey page: unexpected {}", ex.getClass().getName(), withoutMessage(ex, 8));
        return page(request, "unavailable", HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ModelAndView page(HttpServletRequest request, String problem, HttpStatus status) {
        PageLanguage language = PageLanguage.choose(request, request.getParameter("lang")).use(request);
        ModelAndView page = new ModelAndView(LINK_PROBLEM, status);
        page.addObject("lang", language.code());
        page.addObject("otherLang", language.other().code());
        page.addObject("problem", problem);
        return page;
    }

    /** A copy of {@code ex}'s stack (and of {@code depth} causes) with no message anywhere in its chain. */
    private static Throwable withoutMessage(Throwable ex, int depth) {
        Throwable cause = ex.getCause() == null || depth == 0 ? null : withoutMessage(ex.getCause(), depth - 1);
        Throwable copy = new Throwable(ex.getClass().getName(), cause, false, true) {
        };
        copy.setStackTrace(ex.getStackTrace());
        return copy;
    }
}
