package org.pledge.cases.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.pledge.cases.CaseServiceException;
import org.pledge.cases.casefile.api.InvalidCaseTransitionException;
import org.pledge.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/**
 * Turns case-service's business rejections into RFC 9457 problems with their stable code and type
 * {@code urn:pledge:problem:<code>}: a transition the case's state does not allow is 409, any other rejection 422.
 * A command to a case that does not exist is 404 {@code case.not-found}, as reading it is.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblems {

    @ExceptionHandler(CaseServiceException.class)
    ResponseEntity<ProblemDetail> rejected(CaseServiceException e, HttpServletRequest request) {
        boolean transition = e instanceof InvalidCaseTransitionException;
        HttpStatus status = transition ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = Problems.problem(status, e.errorCode(), e.getMessage(), request.getRequestURI());
        problem.setTitle(transition ? "Not allowed in the case's current state" : "Request not acceptable");
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * Axon found no case for a command, or the identifier is another kind of aggregate's (a calendar's, a service
     * type's: one identifier space per event store). Only for the case transitions: the catalogue's aggregates are not
     * cases (the platform answers those {@code resource.not-found} and {@code resource.identifier-taken}).
     */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e, HandlerMethod handler, HttpServletRequest request) {
        boolean caseCommand = handler != null && CaseCommandsController.class.isAssignableFrom(handler.getBeanType());
        ProblemDetail problem;
        if (caseCommand) {
            // the same answer as GET /api/cases/{id}
            String id = e instanceof AggregateNotFoundException missing ? String.valueOf(missing.getAggregateIdentifier())
                    : request.getRequestURI().replaceFirst("^/api/cases/([^/]+)/.*$", "$1");
            var missing = new CaseController.CaseNotFoundException(id);
            problem = Problems.problem(missing.status(), missing.code(), missing.getMessage(), request.getRequestURI());
        } else if (e instanceof IncompatibleAggregateException) {
            problem = Problems.problem(HttpStatus.CONFLICT, "resource.identifier-taken",
                    "This identifier belongs to a resource of another kind; choose another.", request.getRequestURI());
        } else {
            problem = Problems.problem(HttpStatus.NOT_FOUND, "resource.not-found", "The requested resource does not exist.",
                    request.getRequestURI());
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
