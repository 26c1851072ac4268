package org.pledge.systemtests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The attacks on one write operation, by class: body mutants from {@link BodyMutants}, and what goes over the wire
 * around the body (oversized bodies, bad path segments, oversized and bad headers, hostile query values). Each attack
 * changes the operation's valid request for a prepared target in one way.
 */
final class HostileRequests {

    /** The classes of hostile input, as the issue names them. */
    enum AttackClass {
        ABSURD_NUMBERS("absurd numbers"),
        OVERSIZED_BODIES("oversized bodies"),
        TEXT_AND_CONTACT_FIELDS("control characters, header injection and bad formats in text and contact fields"),
        DUPLICATE_KEYS("duplicate keys"),
        DEEP_NESTING("deep nesting"),
        WRONG_TYPES("wrong types"),
        UNKNOWN_ENUMS("unknown enum values"),
        MALFORMED_BODIES("malformed bodies and media types"),
        BAD_PATHS("bad path segments"),
        BAD_HEADERS("oversized and bad headers"),
        DIRECT_REQUEST("direct requests to a path that is no API");

        private final String label;

        AttackClass(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Statuses a body mutant may get: it must be refused as a bad request, never reach the business logic (404, 409). */
    static final Set<Integer> BODY_STATUSES = Set.of(400, 413, 415, 422);

    /** A request as it goes over the wire: path and query as sent (already encoded), headers in order. */
    record Call(String method, String path, String query, List<RawHttp.Header> headers, RawHttp.Body body) {

        Call withPath(String newPath) {
            return new Call(method, newPath, query, headers, body);
        }

        Call withQuery(String newQuery) {
            return new Call(method, path, newQuery, headers, body);
        }

        Call withBody(RawHttp.Body newBody) {
            return new Call(method, path, query, headers, newBody);
        }

        /** The header set to {@code value} (added if absent); null removes it. */
        Call withHeader(String name, String value) {
            List<RawHttp.Header> changed = new ArrayList<>();
            boolean done = false;
            for (RawHttp.Header header : headers) {
                if (header.name().equalsIgnoreCase(name)) {
                    if (!done && value != null) {
                        changed.add(new RawHttp.Header(name, value));
                    }
                    done = true;
                } else {
                    changed.add(header);
                }
            }
            if (!done && value != null) {
                changed.add(new RawHttp.Header(name, value));
            }
            return new Call(method, path, query, changed, body);
        }

        Call plusHeaders(List<RawHttp.Header> more) {
            List<RawHttp.Header> changed = new ArrayList<>(headers);
            changed.addAll(more);
            return new Call(method, path, query, changed, body);
        }

        RawHttp.Request request() {
            return new RawHttp.Request(method, query.isEmpty() ? path : path + "?" + query, headers, body);
        }
    }

    /**
     * One attack: {@code change} turns the valid call (and the operation's path template with the target's
     * variables) into the hostile one; {@code allowed} are the acceptable statuses, null for any 4xx; {@code field} is
     * the body field it changed (a validation problem must name it), null when it changed no single field.
     */
    record Attack(AttackClass attackClass, String input, BiFunction<Call, Paths, Call> change, Set<Integer> allowed, String field) {

        Attack(AttackClass attackClass, String input, BiFunction<Call, Paths, Call> change, Set<Integer> allowed) {
            this(attackClass, input, change, allowed, null);
        }
    }

    /** Builds paths from the operation's template and the target's variables. */
    record Paths(String template, Map<String, String> variables) {

        String with(String variable, String raw) {
            String path = template;
            for (Map.Entry<String, String> v : variables.entrySet()) {
                path = path.replace("{" + v.getKey() + "}", v.getKey().equals(variable) ? raw : encode(v.getValue()));
            }
            return path;
        }

        String valid() {
            return with(null, null);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** Bad path segments (label, raw segment sent as is). */
    private static final List<Map.Entry<String, String>> BAD_SEGMENTS = List.of(
            Map.entry("an encoded slash %2F", "%2F"),
            Map.entry("an encoded NUL %00", "%00"),
            Map.entry("a broken escape %ZZ", "%ZZ"),
            Map.entry("..%2F", "..%2F"),
            Map.entry("%2e%2e", "%2e%2e"),
            Map.entry("a path parameter ;jsessionid=x", "x;jsessionid=x"),
            Map.entry("an overlong UTF-8 slash %C0%AF", "%C0%AF"),
            Map.entry("an encoded backslash %5C", "%5C"),
            Map.entry("encoded CR LF and a header", "%0D%0ASet-Cookie:%20hostile=1"),
            Map.entry("an encoded right-to-left override", "x%E2%80%AEevil"),
            Map.entry("a 10 000-character segment", "a".repeat(10_000)));

    /** Control characters in a header value (label, text written as ISO-8859-1 bytes). */
    private static final List<Map.Entry<String, String>> HEADER_JUNK = List.of(
            Map.entry("BEL", "\u0007"),
            Map.entry("ESC", "\u001B[2J"),
            Map.entry("NUL", "\u0000"),
            Map.entry("DEL", "\u007F"),
            Map.entry("the byte 0x85 (C1 NEL)", "\u0085"),
            Map.entry("TAB", "\t"),
            Map.entry("a lone CR", "\rX-Injected: yes"));

    private static final long MEGABYTE = 1024 * 1024;

    private HostileRequests() {
    }

    static List<String> pathVariables(String template) {
        return VARIABLE.matcher(template).results().map(m -> m.group(1)).toList();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    /** Whether {@code attackClass} has attacks on {@code operation} (without preparing anything). */
    static boolean applies(AttackClass attackClass, ApiDocs.Operation operation, WriteSamples.Sample sample, Fixtures fixtures) {
        return switch (attackClass) {
            case OVERSIZED_BODIES, BAD_PATHS, BAD_HEADERS -> true;
            case TEXT_AND_CONTACT_FIELDS -> sample.body() != null || !sample.query().isEmpty();
            case UNKNOWN_ENUMS -> sample.body() != null
                    && new BodyMutants(sample.body().apply(fixtures), operation.bodySchema(), operation.docs()).leaves().stream()
                    .anyMatch(BodyMutants.Node::isEnum);
            case DIRECT_REQUEST -> false;
            default -> sample.body() != null;
        };
    }

    /** The attacks of {@code attackClass} on {@code operation}; empty when the class does not apply to it. */
    static List<Attack> of(AttackClass attackClass, ApiDocs.Operation operation, WriteSamples.Sample sample, Fixtures fixtures) {
        BodyMutants mutants = sample.body() == null ? null : new BodyMutants(sample.body().apply(fixtures), operation.bodySchema(), operation.docs());
        return switch (attackClass) {
            case ABSURD_NUMBERS -> mutants == null ? List.of() : bodies(attackClass, mutants.absurdNumbers());
            case TEXT_AND_CONTACT_FIELDS -> {
                List<Attack> attacks = new ArrayList<>(mutants == null ? List.of() : bodies(attackClass, mutants.textAndContactFields()));
                attacks.addAll(queryValues(sample));
                yield attacks;
            }
            case DUPLICATE_KEYS -> mutants == null ? List.of() : bodies(attackClass, mutants.duplicateKeys());
            case DEEP_NESTING -> mutants == null ? List.of() : bodies(attackClass, mutants.deepNesting());
            case WRONG_TYPES -> mutants == null ? List.of() : bodies(attackClass, mutants.wrongTypes());
            case UNKNOWN_ENUMS -> mutants == null ? List.of() : bodies(attackClass, mutants.unknownEnums());
            case MALFORMED_BODIES -> mutants == null ? List.of() : bodies(attackClass, mutants.malformedBodies());
            case OVERSIZED_BODIES -> oversizedBodies(mutants);
            case BAD_PATHS -> badPaths(sample, fixtures);
            case BAD_HEADERS -> badHeaders(operation);
            case DIRECT_REQUEST -> List.of();
        };
    }

    private static List<Attack> bodies(AttackClass attackClass, List<BodyMutants.Mutant> mutants) {
        return mutants.stream().map(m -> new Attack(attackClass, m.input(),
                (call, paths) -> call.withHeader("Content-Type", m.contentType()).withBody(new RawHttp.SizedBody(m.body())),
                BODY_STATUSES, m.field())).toList();
    }

    /** Control characters and header injection in every query parameter's value (a lone surrogate has no UTF-8 form). */
    private static List<Attack> queryValues(WriteSamples.Sample sample) {
        List<Attack> attacks = new ArrayList<>();
        for (String name : sample.query().keySet()) {
            for (Map.Entry<String, String> junk : List.of(Map.entry("CR LF Bcc: header injection", "\r\nBcc: victim@example.org"),
                    Map.entry("NUL", "\u0000"), Map.entry("ESC sequence", "\u001B[2J"), Map.entry("TAB", "\t"),
                    Map.entry("DEL", "\u007F"), Map.entry("C1 NEL U+0085", "\u0085"), Map.entry("U+2028 line separator", "\u2028"),
                    Map.entry("U+202E right-to-left override", "\u202Eevil"))) {
                Map<String, String> query = new LinkedHashMap<>(sample.query());
                query.put(name, sample.query().get(name) + junk.getValue());
                attacks.add(new Attack(AttackClass.TEXT_AND_CONTACT_FIELDS, "query " + name + " + " + junk.getKey(),
                        (call, paths) -> call.withQuery(query(query)), null));
            }
        }
        return attacks;
    }

    /**
     * Bodies over every limit: chunked (no length to refuse them by) of 10 and 15 MB, and 2 MB with a Content-Length.
     * Where the operation takes a body, it is the valid body after that much JSON whitespace (still one valid document);
     * where it takes none, whitespace.
     */
    private static List<Attack> oversizedBodies(BodyMutants mutants) {
        byte[] document = mutants == null ? new byte[0] : mutants.sampleText().getBytes(StandardCharsets.UTF_8);
        List<Attack> attacks = new ArrayList<>();
        for (long megabytes : new long[] {10, 15}) {
            attacks.add(new Attack(AttackClass.OVERSIZED_BODIES, "a chunked body of " + megabytes + " MB" + (mutants == null ? " (no body expected)" : ""),
                    (call, paths) -> call.withHeader("Content-Type", BodyMutants.JSON_TYPE)
                            .withBody(new RawHttp.ChunkedBody(new byte[0], megabytes * MEGABYTE - document.length, document)), null));
        }
        byte[] sized = new byte[(int) (2 * MEGABYTE)];
        Arrays.fill(sized, (byte) ' ');
        System.arraycopy(document, 0, sized, sized.length - document.length, document.length);
        attacks.add(new Attack(AttackClass.OVERSIZED_BODIES, "a body of 2 MB with its Content-Length" + (mutants == null ? " (no body expected)" : ""),
                (call, paths) -> call.withHeader("Content-Type", BodyMutants.JSON_TYPE).withBody(new RawHttp.SizedBody(sized)), null));
        return attacks;
    }

    /** Each bad segment and each foreign id in each path variable; without variables, appended to the last segment. */
    private static List<Attack> badPaths(WriteSamples.Sample sample, Fixtures fixtures) {
        List<Attack> attacks = new ArrayList<>();
        List<String> variables = pathVariables(sample.path());
        for (Map.Entry<String, String> segment : BAD_SEGMENTS) {
            if (variables.isEmpty()) {
                attacks.add(new Attack(AttackClass.BAD_PATHS, segment.getKey() + " after the path",
                        (call, paths) -> call.withPath(paths.valid() + segment.getValue()), null));
            }
            for (String variable : variables) {
                attacks.add(new Attack(AttackClass.BAD_PATHS, "{" + variable + "} = " + segment.getKey(),
                        (call, paths) -> call.withPath(paths.with(variable, segment.getValue())), null));
            }
        }
        if (!variables.isEmpty()) {
            for (String foreign : sample.foreignIds().apply(fixtures)) {
                for (String variable : variables) {
                    attacks.add(new Attack(AttackClass.BAD_PATHS, "{" + variable + "} = " + foreign + " (the id of another kind of resource)",
                            (call, paths) -> call.withPath(paths.with(variable, encode(foreign))), null));
                }
            }
        }
        return attacks;
    }

    /**
     * Oversized headers for every operation; control characters, length, absence and doubling in each header it
     * declares (a second, different Idempotency-Key leaves which one counts to chance).
     */
    private static List<Attack> badHeaders(ApiDocs.Operation operation) {
        List<Attack> attacks = new ArrayList<>();
        attacks.add(new Attack(AttackClass.BAD_HEADERS, "an Idempotency-Key of 10 KB",
                (call, paths) -> call.withHeader("Idempotency-Key", "k".repeat(10 * 1024)), null));
        attacks.add(new Attack(AttackClass.BAD_HEADERS, "a custom header of 20 KB",
                (call, paths) -> call.plusHeaders(List.of(new RawHttp.Header("X-Hostile", "h".repeat(20 * 1024)))), null));
        List<RawHttp.Header> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new RawHttp.Header("X-Hostile-" + i, "v"));
        }
        attacks.add(new Attack(AttackClass.BAD_HEADERS, "300 headers", (call, paths) -> call.plusHeaders(many), null));
        for (ApiDocs.Parameter header : operation.in("header")) {
            String name = header.name();
            for (Map.Entry<String, String> junk : HEADER_JUNK) {
                attacks.add(new Attack(AttackClass.BAD_HEADERS, name + " with " + junk.getKey(),
                        (call, paths) -> call.withHeader(name, "hostile-" + System.nanoTime() + junk.getValue() + "x"), null));
            }
            JsonNode max = header.schema().path("maxLength");
            if (max.isInt()) {
                attacks.add(new Attack(AttackClass.BAD_HEADERS, name + " of " + (max.asInt() + 1) + " characters (maxLength " + max.asInt() + ")",
                        (call, paths) -> call.withHeader(name, "k".repeat(max.asInt() + 1)), null));
            }
            if (header.required()) {
                attacks.add(new Attack(AttackClass.BAD_HEADERS, name + " empty", (call, paths) -> call.withHeader(name, ""), null));
                attacks.add(new Attack(AttackClass.BAD_HEADERS, name + " missing", (call, paths) -> call.withHeader(name, null), null));
            }
            attacks.add(new Attack(AttackClass.BAD_HEADERS, name + " twice, with two different values",
                    (call, paths) -> call.plusHeaders(List.of(new RawHttp.Header(name, "hostile-other-" + System.nanoTime()))), null));
        }
        return attacks;
    }
}
