package org.pledge.guarantee.circumstance.web;

import jakarta.servlet.http.HttpServletRequest;
import org.pledge.guarantee.circumstance.api.CircumstanceRuleException;
import org.pledge.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused declaration as an RFC 9457 problem with its stable code: the request's content 422, a reused key 409. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CircumstanceProblems {

    @ExceptionHandler(CircumstanceRuleException.class)
    ResponseEntity<ProblemDetail> refused(CircumstanceRuleException e, HttpServletRequest request) {
        HttpStatus status = e.kind() == CircumstanceRuleException.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = Problems.problem(status, e.code(), e.getMessage(), request.getRequestURI());
        problem.setTitle(status == HttpStatus.CONFLICT ? "Idempotency-Key used for another declaration" : "Declaration not acceptable");
        return ResponseEntity.status(status).body(problem);
    }
}
