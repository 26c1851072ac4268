package org.pledge.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Shared vocabulary for problem responses: every problem has type, title, status, detail, instance and code. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:pledge:problem:";
    public static final String CODE = "code";
    /** How much of a client's value a detail repeats at most. */
    static final int MAX_ECHO = 64;

    private Problems() {
    }

    public static URI type(String code) {
        return URI.create(TYPE_PREFIX + code);
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code);
        complete(problem, code, instance);
        return problem;
    }

    /**
     * Fills in what a problem lacks, whoever made it: a {@code code} (the given one, else the code its
     * {@code urn:pledge:problem:} type names, else {@code defaultCode}), the type {@code urn:pledge:problem:<code>}
     * (any other type, {@code about:blank} included, is replaced), a title, a detail and the instance.
     */
    public static void complete(ProblemDetail problem, String defaultCode, String instance) {
        Object given = problem.getProperties() == null ? null : problem.getProperties().get(CODE);
        String code;
        if (given instanceof String s && !s.isBlank()) {
            code = s;
        } else if (problem.getType() != null && problem.getType().toString().startsWith(TYPE_PREFIX)
                && problem.getType().toString().length() > TYPE_PREFIX.length()) {
            code = problem.getType().toString().substring(TYPE_PREFIX.length());
        } else {
            code = defaultCode != null ? defaultCode : codeFor(problem.getStatus());
        }
        problem.setProperty(CODE, code);
        problem.setType(type(code));
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        if (problem.getTitle() == null || problem.getTitle().isBlank()) {
            problem.setTitle(status != null ? status.getReasonPhrase() : "Error");
        }
        if (problem.getDetail() == null || problem.getDetail().isBlank()) {
            problem.setDetail(status != null ? status.getReasonPhrase() + "." : "The request failed.");
        }
        if (problem.getInstance() == null && instance != null) {
            problem.setInstance(uriOrNull(instance));
        }
    }

    /** A problem as a plain map, for writers outside Spring MVC (security entry points, filters, Tomcat). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** The default code for a status the platform did not classify more precisely. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "request.invalid";
            case 401 -> "auth.unauthenticated";
            case 403 -> "auth.forbidden";
            case 404 -> "resource.not-found";
            case 405 -> "request.method-not-allowed";
            case 406 -> "request.not-acceptable";
            case 408 -> "request.timeout";
            case 409 -> "resource.conflict";
            case 413 -> "request.too-large";
            case 414 -> "request.uri-too-long";
            case 415 -> "request.unsupported-media-type";
            case 422 -> "request.unprocessable";
            case 429 -> "request.too-many";
            case 431 -> "request.header-too-large";
            case 501 -> "request.not-implemented";
            case 503 -> "service.unavailable";
            case 505 -> "request.http-version-not-supported";
            default -> status >= 500 ? "internal.error" : "request.failed";
        };
    }

    /** A client's value for a detail: at most {@value #MAX_ECHO} characters, control characters replaced. */
    public static String echo(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_ECHO + 1));
        for (int i = 0; i < text.length() && out.length() < MAX_ECHO; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > MAX_ECHO ? out + "…" : out.toString();
    }

    /** A problem's instance: the request path when it is a valid URI reference (a rejected path may not be). */
    static URI uriOrNull(String path) {
        try {
            return new URI(path);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
