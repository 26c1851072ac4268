package org.pledge.guarantee.claim.web;

import jakarta.servlet.http.HttpServletRequest;
import org.pledge.guarantee.claim.api.ClaimRuleException;
import org.pledge.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The claim's refusals as RFC 9457 problems with their stable code: four eyes (you may not, whoever you are) 403,
 * the claim's state 409, the request's content 422.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClaimProblems {

    @ExceptionHandler(ClaimRuleException.class)
    ResponseEntity<ProblemDetail> refused(ClaimRuleException e, HttpServletRequest request) {
        HttpStatus status = switch (e.kind()) {
            case FOUR_EYES -> HttpStatus.FORBIDDEN;
            case STATE -> HttpStatus.CONFLICT;
            case INPUT -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = Problems.problem(status, e.code(), e.getMessage(), request.getRequestURI());
        problem.setTitle(switch (e.kind()) {
            case FOUR_EYES -> "Four eyes: another finance user must decide";
            case STATE -> "Not allowed in the claim's current state";
            case INPUT -> "Request not acceptable";
        });
        return ResponseEntity.status(status).body(problem);
    }
}
