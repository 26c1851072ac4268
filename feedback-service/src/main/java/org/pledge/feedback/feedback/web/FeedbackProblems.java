package org.pledge.feedback.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import org.pledge.feedback.feedback.api.FeedbackConflictException;
import org.pledge.feedback.feedback.api.InvalidFeedbackException;
import org.pledge.feedback.survey.api.SurveyTokenException;
import org.pledge.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * feedback-service's own problems, for every feature: a survey link's token that authorises nothing (404
 * {@code survey.token-invalid}, 410 {@code survey.token-expired}, 409 {@code survey.token-used}), an answer that breaks a
 * rule (422 with its {@code feedback.<rule>} code and the {@code field} at fault) and a channel's reused
 * {@code Idempotency-Key} (409 {@code feedback.idempotency-key-reused}). Details name no token and no answer text.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FeedbackProblems {

    @ExceptionHandler(SurveyTokenException.class)
    ResponseEntity<ProblemDetail> token(SurveyTokenException e, HttpServletRequest request) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.NOT_FOUND;
            case EXPIRED -> HttpStatus.GONE;
            case USED -> HttpStatus.CONFLICT;
        };
        String code = switch (e.reason()) {
            case INVALID -> "survey.token-invalid";
            case EXPIRED -> "survey.token-expired";
            case USED -> "survey.token-used";
        };
        String detail = switch (e.reason()) {
            case INVALID -> "This survey link is not valid.";
            case EXPIRED -> "This survey link has expired.";
            case USED -> "This survey was answered already.";
        };
        // the path holds the token, a credential: the instance is left out
        ProblemDetail problem = Problems.problem(status, code, detail, null);
        problem.setTitle(switch (e.reason()) {
            case INVALID -> "Unknown survey link";
            case EXPIRED -> "Survey link expired";
            case USED -> "Survey answered already";
        });
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(InvalidFeedbackException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidFeedbackException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.getMessage(), instance(request));
        problem.setTitle("Feedback not acceptable");
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(FeedbackConflictException.class)
    ResponseEntity<ProblemDetail> conflict(FeedbackConflictException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "feedback.idempotency-key-reused", e.getMessage(), instance(request));
        problem.setTitle("Idempotency-Key used for another answer");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** The request's path, unless it carries a survey token. */
    private static String instance(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/surveys/") || path.startsWith("/surveys/") ? null : path;
    }
}
