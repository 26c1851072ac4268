package org.pledge.guarantee.policy.web;

import jakarta.servlet.http.HttpServletRequest;
import org.pledge.guarantee.policy.api.InvalidPolicyException;
import org.pledge.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A policy rule's refusal ({@link InvalidPolicyException}) is 422 with the rule's code. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PolicyProblems {

    @ExceptionHandler(InvalidPolicyException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPolicyException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.getMessage(), request.getRequestURI());
        problem.setTitle("Policy not acceptable");
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
    }
}
