package org.pledge.cases.casefile.web;

import org.pledge.cases.CaseServiceException;
import org.pledge.cases.casefile.api.InvalidCaseTransitionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

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
}
