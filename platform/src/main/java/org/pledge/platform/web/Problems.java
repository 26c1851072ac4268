package org.pledge.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Shared vocabulary for problem responses: every problem has type, title, status, detail, instance and code. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:pledge:problem:";

    private Problems() {
    }

    public static URI type(String code) {
        return URI.create(TYPE_PREFIX + code);
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        complete(problem, code, instance);
        return problem;
    }

    /** Fills in what a framework-made problem lacks. */
    public static void complete(ProblemDetail problem, String code, String instance) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(type(code));
        }
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        if (problem.getTitle() == null && status != null) {
            problem.setTitle(status.getReasonPhrase());
        }
        if (problem.getDetail() == null) {
            problem.setDetail(status != null ? status.getReasonPhrase() : "Error");
        }
        if (problem.getInstance() == null && instance != null) {
            problem.setInstance(URI.create(instance));
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", code);
        }
    }

    /** A problem as a plain map, for writers outside Spring MVC (security entry points, filters). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance() == null ? null : problem.getInstance().toString());
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
            case 409 -> "resource.conflict";
            case 413 -> "request.too-large";
            case 415 -> "request.unsupported-media-type";
            case 503 -> "service.unavailable";
            default -> status >= 500 ? "internal.error" : "request.failed";
        };
    }
}
