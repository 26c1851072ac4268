package org.pledge.systemtests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** What every answer to a hostile request must be (a 4xx RFC 9457 problem, no HTML, no stack trace), for {@link HostileInputIT}. */
final class ProblemAnswers {

    private static final Pattern STACK_TRACE = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-z]|\\b(?:java|javax|jakarta|org|com|io|net|sun)\\.[a-z][\\w$]*\\.[\\w$.]+");

    private ProblemAnswers() {
    }

    /**
     * Why {@code answer} is not an acceptable 4xx problem; empty when it is. {@code allowed} null: any 4xx. A
     * validation problem for a changed {@code field} must name that field (or an object holding it) among its errors,
     * so that the value was refused for what it is. No 4xx answer may be bodiless: HTTP forbids a body only for 1xx,
     * 204 and 304 answers and answers to HEAD, none of which is an acceptable answer here.
     */
    static List<String> violations(RawHttp.Answer answer, Set<Integer> allowed, String field) {
        List<String> violations = new ArrayList<>();
        if (answer.status() < 0) {
            violations.add("no answer (" + answer.failure() + ")");
            return violations;
        }
        int status = answer.status();
        if (status < 400 || status > 499) {
            violations.add("status " + status + (status < 300 ? " (accepted)" : status >= 500 ? " (server error)" : ""));
        } else if (allowed != null && !allowed.contains(status)) {
            violations.add("status " + status + " (a bad request must be one of " + new TreeSet<>(allowed) + ")");
        }
        if (status >= 200 && status < 300) {
            return violations; // accepted: what it answered is beside the point
        }
        String contentType = answer.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            violations.add("Content-Type " + contentType);
        }
        String body = answer.body();
        if (body.toLowerCase(Locale.ROOT).contains("<html") || body.toLowerCase(Locale.ROOT).contains("<!doctype")) {
            violations.add("an HTML page");
        } else {
            try {
                JsonNode problem = Api.JSON.readTree(body);
                if (problem == null || !problem.isObject()) {
                    violations.add("no problem object");
                } else {
                    if (problem.path("status").asInt() != status) {
                        violations.add("problem status " + problem.path("status") + " differs");
                    }
                    String type = problem.path("type").asText("");
                    String code = problem.path("code").asText("");
                    if (!type.startsWith("urn:pledge:problem:")) {
                        violations.add("problem type " + (type.isEmpty() ? "missing" : type));
                    } else if (!type.equals("urn:pledge:problem:" + code)) {
                        violations.add("problem type " + type + " and code " + code + " differ");
                    }
                    if (field != null && code.equals("request.validation-failed")) {
                        List<String> named = new ArrayList<>();
                        problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
                        if (named.stream().noneMatch(n -> sameField(n, field))) {
                            violations.add("its errors name " + named + ", not " + field);
                        }
                    }
                }
            } catch (IOException e) {
                violations.add(body.isEmpty() ? "no body" : "a body that is not JSON");
            }
        }
        if (STACK_TRACE.matcher(body).find()) {
            violations.add("a stack trace or a Java class name");
        }
        if (!violations.isEmpty() && answer.failure() != null) {
            violations.add(answer.failure());
        }
        return violations;
    }

    /** Whether a problem's field path names {@code field}, an object holding it or a part of it (map keys and indexes aside). */
    static boolean sameField(String named, String field) {
        String a = named.replaceAll("<[^>]*>|\\[[^\\]]*\\]", "");
        String b = field.replaceAll("<[^>]*>|\\[[^\\]]*\\]", "");
        return !a.isEmpty() && (a.equals(b) || b.startsWith(a + ".") || a.startsWith(b + "."));
    }

    /** The start of a body on one line, control characters escaped. */
    static String excerpt(String body) {
        String flat = body.length() > 240 ? body.substring(0, 240) + "..." : body;
        StringBuilder out = new StringBuilder();
        for (char c : flat.toCharArray()) {
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
