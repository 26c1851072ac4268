package org.pledge.cases.casefile.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/** Turns case-service's business rejections into RFC 9457 problems with their stable code. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblems {

    @ExceptionHandler(CaseServiceException.class)
    ResponseEntity<ProblemDetail> rejected(CaseServiceException e) {
        HttpStatus status = e instanceof InvalidCaseTransitionException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(status == HttpStatus.CONFLICT ? "Not allowed in the case's current state" : "Request not acceptable");
        problem.setProperty("code", e.errorCode());
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * Bean-validation failures of a request body in a handler that also has constrained parameters (the
     * {@code Idempotency-Key} header): Spring reports them all as one {@link HandlerMethodValidationException}. The
     * problem names each failing field by its path in the body ({@code applicant.phone}, {@code feePaid.amount}), not
     * only by the parameter ({@code request}); other parameters by their name. Same code and shape as the platform's
     * {@code request.validation-failed}.
     */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String parameter = String.valueOf(result.getMethodParameter().getParameterName());
            if (result instanceof ParameterErrors bound) {
                bound.getFieldErrors().forEach(f -> errors.add(Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))));
                bound.getGlobalErrors().forEach(g -> errors.add(Map.of("field", parameter, "message", String.valueOf(g.getDefaultMessage()))));
            } else {
                result.getResolvableErrors().forEach(r -> errors.add(Map.of("field", parameter, "message", String.valueOf(r.getDefaultMessage()))));
            }
        }
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "request.validation-failed",
                "The request is invalid: " + errors.size() + " value(s) failed validation.", request.getRequestURI());
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
