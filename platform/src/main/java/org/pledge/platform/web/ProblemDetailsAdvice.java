package org.pledge.platform.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error from a controller becomes an RFC 9457 problem ({@code application/problem+json}) with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} and a stable {@code code}. Details are written for
 * the client: no stack traces, no Java class names, no exception messages of unknown origin.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(PledgeException.class)
    public ResponseEntity<Object> handlePledge(PledgeException ex, WebRequest request) {
        return problem(ex.status(), ex.code(), ex.getMessage(), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<Object> handleAggregateNotFound(AggregateNotFoundException ex, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "resource.not-found", "The requested resource does not exist.", request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<Object> handleConcurrency(ConcurrencyException ex, WebRequest request) {
        return problem(HttpStatus.CONFLICT, "resource.concurrent-modification",
                "The resource was changed by someone else at the same time. Reload it and try again.", request);
    }

    /** Creating an aggregate whose identifier is already taken (sequence 0 exists). */
    @ExceptionHandler(AggregateStreamCreationException.class)
    public ResponseEntity<Object> handleAlreadyExists(AggregateStreamCreationException ex, WebRequest request) {
        return problem(HttpStatus.CONFLICT, "resource.already-exists", "A resource with this identifier already exists.",
                request);
    }

    @ExceptionHandler({CompletionException.class, ExecutionException.class})
    public ResponseEntity<Object> handleWrapped(Exception ex, WebRequest request) throws Exception {
        Throwable cause = ex.getCause();
        if (cause instanceof PledgeException p) {
            return handlePledge(p, request);
        }
        if (cause instanceof AggregateNotFoundException a) {
            return handleAggregateNotFound(a, request);
        }
        if (cause instanceof ConcurrencyException c) {
            return handleConcurrency(c, request);
        }
        if (cause instanceof AggregateStreamCreationException a) {
            return handleAlreadyExists(a, request);
        }
        if (cause instanceof AccessDeniedException || cause instanceof AuthenticationException) {
            throw (RuntimeException) cause;
        }
        return handleAny(cause instanceof Exception e ? e : ex, request);
    }

    /** Bean validation of a {@code @Validated} class's method parameters (not Spring MVC's own validation). */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    public ResponseEntity<Object> handleConstraintViolation(jakarta.validation.ConstraintViolationException ex,
                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", String.valueOf(v.getMessage())))
                .toList();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "request.validation-failed",
                "The request is invalid: " + errors.size() + " value(s) failed validation.", path(request));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleAny(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex; // Spring Security's ExceptionTranslationFilter answers these (401/403 problems)
        }
        String reference = CorrelationId.current().orElseGet(() -> UUID.randomUUID().toString());
        log.error("unhandled error (correlation id {})", reference, ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal.error",
                "An unexpected error occurred. Quote correlation id " + reference + " when reporting it.", request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "request.malformed", describeUnreadable(ex), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        return problem(HttpStatus.BAD_REQUEST, "request.invalid-parameter",
                "Invalid value '" + ex.getValue() + "' for '" + name + "': expected " + expected(ex.getRequiredType())
                        + ".", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError).toList();
        List<Map<String, String>> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(e -> Map.of("field", e.getObjectName(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "request.validation-failed",
                "The request is invalid: " + (errors.size() + global.size()) + " field(s) failed validation.",
                path(request));
        problem.setProperty("errors", concat(errors, global));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> Map.of(
                        "field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", String.valueOf(e.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "request.validation-failed",
                "The request is invalid: " + errors.size() + " value(s) failed validation.", path(request));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Completes the problems Spring MVC makes for its own exceptions (404, 405, 406, 415, 413, ...). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p
                : ProblemDetail.forStatus(statusCode);
        if (statusCode.is5xxServerError()) {
            // never echo framework messages of server errors
            problem.setDetail(HttpStatus.valueOf(statusCode.value()).getReasonPhrase());
        }
        Problems.complete(problem, Problems.codeFor(statusCode.value()), path(request));
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String code, String detail, WebRequest request) {
        return ResponseEntity.status(status).body(Problems.problem(status, code, detail, path(request)));
    }

    private static String path(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            return http.getRequestURI();
        }
        return null;
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static String describeUnreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof InvalidFormatException invalid) {
            return "Invalid value '" + invalid.getValue() + "' for " + field(invalid) + ": expected "
                    + expected(invalid.getTargetType()) + ".";
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'.";
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return "Wrong JSON type for " + field(mismatched) + ": expected " + expected(mismatched.getTargetType())
                    + ".";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Invalid value for " + field(mapping) + ".";
        }
        if (cause instanceof JsonProcessingException processing) {
            var location = processing.getLocation();
            return location == null ? "The request body is not valid JSON."
                    : "The request body is not valid JSON (line " + location.getLineNr() + ", column "
                    + location.getColumnNr() + ").";
        }
        return "The request body is missing or unreadable.";
    }

    private static String field(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "the request body" : "field '" + path + "'";
    }

    /** Describes a Java type for an API client, without Java class names. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (type == String.class || type == CharSequence.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
