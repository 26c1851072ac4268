package org.pledge.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.springframework.core.MethodParameter;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;

/**
 * The {@code errors} of a 400 problem: each {@code {field, message}}, the field named as the client sent it (the HTTP
 * name of a header, query parameter, path variable, cookie or part; the JSON path of a body field, such as
 * {@code applicant.language} or {@code lines[0].name}), never a Java name. Used by {@link ProblemDetailsAdvice} and
 * {@link UnreadableBodies}.
 */
final class ValidationErrors {

    static final String FIELD = "field";
    static final String MESSAGE = "message";

    /** By field, then by message: the order a problem lists its errors in. */
    static final Comparator<Map<String, String>> BY_FIELD =
            Comparator.comparing((Map<String, String> e) -> e.get(FIELD)).thenComparing(e -> e.get(MESSAGE));

    private ValidationErrors() {
    }

    static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put(FIELD, field);
        error.put(MESSAGE, message);
        return error;
    }

    static Map<String, String> fieldError(String prefix, FieldError error) {
        return error(join(prefix, error.getField()), String.valueOf(error.getDefaultMessage()));
    }

    static Map<String, String> globalError(String prefix, ObjectError error) {
        return error(prefix, String.valueOf(error.getDefaultMessage()));
    }

    /** The problem's detail for sorted errors: how many failed, and the first five. */
    static String detail(List<Map<String, String>> errors) {
        return "The request is invalid: " + errors.size() + (errors.size() == 1 ? " value" : " values")
                + " failed validation" + (errors.isEmpty() ? "." : ": " + errors.stream()
                .map(e -> e.get(FIELD).isEmpty() ? e.get(MESSAGE) : e.get(FIELD) + " " + e.get(MESSAGE))
                .limit(5).collect(Collectors.joining("; ")) + (errors.size() > 5 ? "; ..." : "") + ".");
    }

    /** A field's path below {@code prefix}: {@code prefix.field}, or {@code prefix[0]} for an element. */
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

    /** The element of a validated container (a list index or a map key) a result is about, or nothing. */
    static String container(ParameterValidationResult result) {
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
