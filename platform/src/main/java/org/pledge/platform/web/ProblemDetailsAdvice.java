package org.pledge.platform.web;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
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
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
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
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error from a controller becomes an RFC 9457 problem ({@code application/problem+json}) with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} and a stable {@code code}. Details are written for
 * the client: no stack traces, no Java class names, no exception messages of unknown origin. Whatever names a part
 * of the request names it as the client sent it: the HTTP name of a header, query parameter or path variable, the
 * JSON path of a body field ({@code applicant.language}, {@code lines[0].name}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String FIELD = "field";
    private static final String MESSAGE = "message";

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
        List<Map<String, String>> errors = unsorted.stream().sorted(BY_FIELD).toList();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "request.validation-failed",
                "The request is invalid: " + errors.size() + (errors.size() == 1 ? " value" : " values")
                        + " failed validation" + (errors.isEmpty() ? "." : ": " + errors.stream()
                        .map(e -> e.get(FIELD).isEmpty() ? e.get(MESSAGE) : e.get(FIELD) + " " + e.get(MESSAGE))
                        .limit(5).collect(Collectors.joining("; ")) + (errors.size() > 5 ? "; ..." : "") + "."),
                path(request));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static final Comparator<Map<String, String>> BY_FIELD =
            Comparator.comparing((Map<String, String> e) -> e.get(FIELD)).thenComparing(e -> e.get(MESSAGE));

    private static String path(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            return http.getRequestURI();
        }
        return null;
    }

    static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put(FIELD, field);
        error.put(MESSAGE, message);
        return error;
    }

    private static Map<String, String> fieldError(String prefix, FieldError error) {
        return error(join(prefix, error.getField()), String.valueOf(error.getDefaultMessage()));
    }

    private static Map<String, String> globalError(String prefix, ObjectError error) {
        return error(prefix, String.valueOf(error.getDefaultMessage()));
    }

    static String join(String prefix, String field) {
        if (prefix.isEmpty()) {
            return field;
        }
        return field.isEmpty() || field.startsWith("[") ? prefix + field : prefix + "." + field;
    }

    /**
     * How the client named a parameter: the header, query parameter, path variable, cookie or part name; the request
     * body is the root of its fields' paths (an empty prefix).
     */
    static String httpName(MethodParameter parameter) {
        String name = null;
        if (parameter.hasParameterAnnotation(RequestBody.class)) {
            return "";
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        MatrixVariable matrix = parameter.getParameterAnnotation(MatrixVariable.class);
        if (header != null) {
            name = header.name();
        } else if (param != null) {
            name = param.name();
        } else if (variable != null) {
            name = variable.name();
        } else if (cookie != null) {
            name = cookie.name();
        } else if (part != null) {
            name = part.name();
        } else if (matrix != null) {
            name = matrix.name();
        }
        if (name == null || name.isEmpty()) {
            name = parameter.getParameterName();
        }
        return name == null ? "" : name;
    }

    private static String container(ParameterValidationResult result) {
        if (result.getContainerIndex() != null) {
            return "[" + result.getContainerIndex() + "]";
        }
        if (result.getContainerKey() != null) {
            return "[" + Problems.echo(result.getContainerKey()) + "]";
        }
        return "";
    }

    /** A violation's path without the method and the parameter (unless the parameter itself is what failed). */
    static String propertyPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = "";
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                continue;
            }
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : Problems.echo(node.getKey()))
                        .append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return path.isEmpty() ? parameter : path.toString();
    }
}
