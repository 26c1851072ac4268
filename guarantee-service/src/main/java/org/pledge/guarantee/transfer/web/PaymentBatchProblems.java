package org.pledge.guarantee.transfer.web;

import jakarta.servlet.http.HttpServletRequest;
import org.pledge.guarantee.transfer.api.PaymentBatchException;
import org.pledge.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the payment batches' refusals into RFC 9457 problems ({@code urn:pledge:problem:payment-batch.<rule>}): an
 * unreadable file or one with a DTD 400, nothing to download 404, a day still open 409, a file we cannot apply 422.
 */
@RestControllerAdvice(assignableTypes = PaymentBatchController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentBatchProblems {

    @ExceptionHandler(PaymentBatchException.class)
    ResponseEntity<ProblemDetail> refused(PaymentBatchException e, HttpServletRequest request) {
        HttpStatus status = switch (e.kind()) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = Problems.problem(status, e.code(), e.getMessage(), request.getRequestURI());
        problem.setTitle(switch (e.kind()) {
            case MALFORMED -> "Unreadable payment file";
            case NOT_FOUND -> "No payment batch";
            case CONFLICT -> "Payment batch still open";
            case UNPROCESSABLE -> "Payment file not accepted";
        });
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
