package org.pledge.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
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
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingMatrixVariableException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import static org.pledge.platform.web.ValidationErrors.container;
import static org.pledge.platform.web.ValidationErrors.error;
import static org.pledge.platform.web.ValidationErrors.fieldError;
import static org.pledge.platform.web.ValidationErrors.globalError;
import static org.pledge.platform.web.ValidationErrors.httpName;
import static org.pledge.platform.web.ValidationErrors.propertyPath;

/**
 * Every error from a controller becomes an RFC 9457 problem ({@code application/problem+json}) with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} and a stable {@code code}. Details are written for
 * the client: no stack traces, no Java class names, no exception messages of unknown origin. Whatever names a part
 * of the request names it as the client sent it: the HTTP name of a header, query parameter or path variable, the
 * JSON path of a body field ({@code applicant.language}, {@code lines[0].name}): {@link ValidationErrors}. The wording
 * of unreadable bodies is {@link UnreadableBodies}'; of requests the firewall rejects, {@link RejectedRequests}'.
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

    /**
     * The identifier names an aggregate of another kind (aggregates of one service share one identifier space in its
     * event store: a calendar {@code CA-ON}, then a service type {@code CA-ON}): the identifier is taken.
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    public ResponseEntity<Object> handleIncompatibleAggregate(IncompatibleAggregateException ex, WebRequest request) {
        return problem(HttpStatus.CONFLICT, "resource.identifier-taken",
                "This identifier belongs to a resource of another kind; choose another.", request);
    }

    /** The firewall's check of a header or parameter the application read (it checks them when they are read). */
    @ExceptionHandler(RequestRejectedException.class)
    public ResponseEntity<Object> handleRejected(RequestRejectedException ex, WebRequest request) {
        HttpServletRequest http = ((ServletWebRequest) request).getRequest();
        ProblemDetail problem = RejectedRequests.firewallProblem(http, ex.getMessage());
        return ResponseEntity.status(problem.getStatus()).body(problem);
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
        if (cause instanceof IncompatibleAggregateException i) {
            return handleIncompatibleAggregate(i, request);
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
                .map(v -> error(propertyPath(v), String.valueOf(v.getMessage())))
                .toList();
        return validationProblem(errors, request);
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
        UnreadableBodies.Unreadable unreadable = UnreadableBodies.unreadable(ex);
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "request.malformed", unreadable.detail(),
                path(request));
        if (unreadable.field() != null) {
            problem.setProperty("errors", List.of(error(unreadable.field(), unreadable.message())));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        String given = request.getHeader(HttpHeaders.CONTENT_TYPE);
        List<String> supported = ex.getSupportedMediaTypes().stream().map(Object::toString).toList();
        ProblemDetail problem = ex.getBody();
        problem.setDetail((given == null ? "The request has no Content-Type"
                : "The Content-Type '" + Problems.echo(given) + "' is not supported")
                + (supported.isEmpty() ? "." : ": send " + String.join(" or ", supported) + "."));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "request.invalid-parameter",
                "Invalid value '" + Problems.echo(ex.getValue()) + "' for '" + name + "': expected "
                        + UnreadableBodies.expected(ex.getRequiredType()) + ".", path(request));
        problem.setProperty("errors", List.of(error(name, "expected " + UnreadableBodies.expected(ex.getRequiredType()))));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return missing("request.parameter-missing", "query parameter", ex.getParameterName(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return missing("request.part-missing", "multipart part", ex.getRequestPartName(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex, HttpHeaders headers,
                                                               HttpStatusCode status, WebRequest request) {
        if (ex.isMissingAfterConversion()) {
            return missing("request.path-variable-missing", "path segment", ex.getVariableName(), request);
        }
        // the mapping does not declare the variable: a server error
        return handleExceptionInternal(ex, null, headers, HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        if (ex instanceof MissingRequestHeaderException header) {
            return missing("request.header-missing", "header", header.getHeaderName(), request);
        }
        if (ex instanceof MissingRequestCookieException cookie) {
            return missing("request.cookie-missing", "cookie", cookie.getCookieName(), request);
        }
        if (ex instanceof MissingMatrixVariableException matrix) {
            return missing("request.parameter-missing", "matrix variable", matrix.getVariableName(), request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "resource.not-found", "There is nothing at this URL.", request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
                                                                   HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "resource.not-found", "There is nothing at this URL.", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = Stream.concat(
                ex.getBindingResult().getFieldErrors().stream().map(e -> fieldError("", e)),
                ex.getBindingResult().getGlobalErrors().stream().map(e -> globalError("", e))).toList();
        return validationProblem(errors, request);
    }

    /**
     * Spring MVC's method validation (a controller with constraints on its parameters): every error, named as the
     * client sent it, in the same shape as any other validation problem.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        if (ex.isForReturnValue()) {
            return handleExceptionInternal(ex, null, headers, HttpStatus.INTERNAL_SERVER_ERROR, request);
        }
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = httpName(result.getMethodParameter()) + container(result);
            if (result instanceof ParameterErrors nested) {
                nested.getFieldErrors().forEach(e -> errors.add(fieldError(name, e)));
                nested.getGlobalErrors().forEach(e -> errors.add(globalError(name, e)));
            } else {
                result.getResolvableErrors().forEach(e -> errors.add(error(name, String.valueOf(e.getDefaultMessage()))));
            }
        }
        ex.getCrossParameterValidationResults()
                .forEach(e -> errors.add(error("", String.valueOf(e.getDefaultMessage()))));
        return validationProblem(errors, request);
    }

    /** Completes the problems Spring MVC makes for its own exceptions (404, 405, 406, 415, 413, ...). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p
                : ex instanceof ErrorResponse error ? error.getBody() : ProblemDetail.forStatus(statusCode);
        if (statusCode.is5xxServerError()) {
            // never echo framework messages of server errors
            String reference = CorrelationId.current().orElseGet(() -> UUID.randomUUID().toString());
            log.error("server error {} (correlation id {})", statusCode.value(), reference, ex);
            problem.setDetail("An unexpected error occurred. Quote correlation id " + reference + " when reporting it.");
        }
        Problems.complete(problem, Problems.codeFor(statusCode.value()), path(request));
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String code, String detail, WebRequest request) {
        return ResponseEntity.status(status).body(Problems.problem(status, code, detail, path(request)));
    }

    private ResponseEntity<Object> missing(String code, String kind, String name, WebRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, code,
                "The " + kind + " '" + name + "' is required.", path(request));
        problem.setProperty("errors", List.of(error(name, "is required")));
        return ResponseEntity.badRequest().body(problem);
    }

    private ResponseEntity<Object> validationProblem(List<Map<String, String>> unsorted, WebRequest request) {
        List<Map<String, String>> errors = unsorted.stream().sorted(ValidationErrors.BY_FIELD).toList();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "request.validation-failed",
                ValidationErrors.detail(errors), path(request));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String path(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            return http.getRequestURI();
        }
        return null;
    }
}
