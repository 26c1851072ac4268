package org.pledge.testsupport.openapi;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.pledge.testsupport.security.TestTokens;

/**
 * Keeps the OpenAPI descriptions a client reads true:
 * <ul>
 *   <li>{@link #assertMatchesCommitted}: what a service serves at {@code /v3/api-docs} is, to the byte after pretty
 *       printing, the committed {@code docs/api/<service>.openapi.json} (which CI lints). Run with
 *       {@code -Dpledge.api-docs.write=true} to rewrite the file instead ({@value #REGENERATE}).</li>
 *   <li>{@link #roleViolations}: every operation admits a token of each role it documents (not 401/403) and refuses
 *       every other role (403), and no token at all (401).</li>
 * </ul>
 */
public final class ApiDescriptions {

    /** {@code true}: {@link #assertMatchesCommitted} writes the served description to the committed file. */
    public static final String WRITE_PROPERTY = "pledge.api-docs.write";
    /** Regenerates every service's committed description (from the repository root). */
    public static final String REGENERATE = "tools/api-lint/regenerate.sh";
    /** The value path variables and headers get in {@link #roleViolations}: no such case, topic or service type. */
    public static final String PROBE = "openapi-probe";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private ApiDescriptions() {
    }

    /** {@code docs/api/<service>.openapi.json} in the repository this test runs in. */
    public static Path committedFile(String service) {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("docs"))) {
                return d.resolve("docs/api/" + service + ".openapi.json");
            }
        }
        throw new IllegalStateException("no repository root (pom.xml beside docs/) above " + dir);
    }

    /**
     * Fails unless {@code served} (the JSON of {@code /v3/api-docs}) equals the committed description of
     * {@code service}; with {@code -Dpledge.api-docs.write=true} writes it there instead.
     */
    public static void assertMatchesCommitted(String service, String served) {
        Path file = committedFile(service);
        JsonNode servedTree = read(served, "served by " + service);
        String regenerate = "Regenerate all four: " + REGENERATE + "   (only this one: mvn -B -o -pl " + service
                + " -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ApiDescriptionIT"
                + " -Dfailsafe.failIfNoSpecifiedTests=false -D" + WRITE_PROPERTY + "=true), then review the diff,"
                + " lint (tools/api-lint/lint.sh) and commit it.";
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, pretty(servedTree), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (!Files.isRegularFile(file)) {
            fail("There is no committed OpenAPI description of " + service + " at " + file + ". " + regenerate);
        }
        JsonNode committed;
        try {
            committed = read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        firstDifference("$", committed, servedTree).ifPresent(difference -> fail(
                "The committed OpenAPI description " + file + " is not what " + service + " serves at /v3/api-docs: "
                        + difference + ". If the API change is intended: " + regenerate));
    }

    /** The description as committed: two-space indented JSON, fields in the served order, a final newline. */
    public static String pretty(JsonNode description) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(description).replace("\r\n", "\n") + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where two trees first differ, as a JSON path and both values; empty when equal. */
    static Optional<String> firstDifference(String path, JsonNode committed, JsonNode served) {
        if (committed.equals(served)) {
            return Optional.empty();
        }
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path + "['" + name + "']";
                if (!committed.has(name)) {
                    return Optional.of(child + " is served but not committed");
                }
                if (!served.has(name)) {
                    return Optional.of(child + " is committed but no longer served");
                }
                Optional<String> difference = firstDifference(child, committed.get(name), served.get(name));
                if (difference.isPresent()) {
                    return difference;
                }
            }
        }
        if (committed.isArray() && served.isArray()) {
            for (int i = 0; i < Math.min(committed.size(), served.size()); i++) {
                Optional<String> difference = firstDifference(path + "[" + i + "]", committed.get(i), served.get(i));
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.of(path + " has " + committed.size() + " items committed, " + served.size() + " served");
        }
        return Optional.of(path + " is " + abbreviate(committed) + " committed, " + abbreviate(served) + " served");
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /**
     * Calls every operation of {@code description} on the service at {@code base} (path variables and header
     * parameters {@value #PROBE}, a body of {@code {}} where the operation takes one) and returns what contradicts
     * its security requirement: a documented role refused (401/403), another of {@code knownRoles} or a token without
     * roles not refused with 403 {@code auth.forbidden}, no token not refused with 401. An operation that documents
     * the bearer scheme without roles must admit every role; one without security must admit no token.
     */
    public static List<String> roleViolations(JsonNode description, URI base, TestTokens tokens, Collection<String> knownRoles) {
        List<String> violations = new ArrayList<>();
        Set<String> bearerSchemes = bearerSchemes(description);
        JsonNode rootSecurity = description.path("security");
        for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String name = method.toUpperCase() + " " + path.getKey();
                Probe probe = new Probe(base, method.toUpperCase(), path.getKey(), operation);
                JsonNode security = operation.has("security") ? operation.get("security") : rootSecurity;
                Optional<Set<String>> documented = documentedRoles(security, bearerSchemes);
                if (documented.isEmpty()) {
                    expectAdmitted(violations, name, "no token", probe.send(null));
                    continue;
                }
                Set<String> roles = documented.get();
                expectStatus(violations, name, "no token", probe.send(null), 401, "auth.unauthenticated");
                for (String role : knownRoles) {
                    Reply reply = probe.send(tokens.token(PROBE, role));
                    if (roles.isEmpty() || roles.contains(role)) {
                        expectAdmitted(violations, name, "role " + role, reply);
                    } else {
                        expectStatus(violations, name, "role " + role + " (not documented)", reply, 403, "auth.forbidden");
                    }
                }
                for (String role : roles) {
                    if (!knownRoles.contains(role)) {
                        violations.add(name + ": documents role " + role + ", which is none of the known roles " + knownRoles);
                    }
                }
                Reply noRoles = probe.send(tokens.token(PROBE));
                if (roles.isEmpty()) {
                    expectAdmitted(violations, name, "a token without roles", noRoles);
                } else {
                    expectStatus(violations, name, "a token without roles", noRoles, 403, "auth.forbidden");
                }
            }
        }
        return violations;
    }

    private static Set<String> bearerSchemes(JsonNode description) {
        Set<String> names = new LinkedHashSet<>();
        description.path("components").path("securitySchemes").fields().forEachRemaining(e -> {
            if ("http".equals(e.getValue().path("type").asText()) && "bearer".equalsIgnoreCase(e.getValue().path("scheme").asText())) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    /** Empty when the operation is public (no requirement, or an empty one among the alternatives). */
    private static Optional<Set<String>> documentedRoles(JsonNode security, Set<String> bearerSchemes) {
        if (security == null || security.isMissingNode() || security.isEmpty()) {
            return Optional.empty();
        }
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return Optional.empty();
            }
            for (String scheme : bearerSchemes) {
                requirement.path(scheme).forEach(role -> roles.add(role.asText()));
            }
        }
        return Optional.of(roles);
    }

    private static void expectAdmitted(List<String> violations, String operation, String who, Reply reply) {
        if (reply.status() == 401 || reply.status() == 403) {
            violations.add(operation + ": " + who + " was refused with " + reply.status() + " " + reply.code());
        }
    }

    private static void expectStatus(List<String> violations, String operation, String who, Reply reply, int status, String code) {
        if (reply.status() != status || !code.equals(reply.code())) {
            violations.add(operation + ": " + who + " got " + reply.status() + " " + reply.code() + ", expected " + status + " " + code);
        }
    }

    private record Reply(int status, String code) {
    }

    /** One operation, ready to be called with any token. */
    private record Probe(URI base, String method, String template, JsonNode operation) {

        Reply send(String token) {
            String path = template.replaceAll("\\{[^}/]+}", PROBE);
            boolean body = operation.has("requestBody");
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .method(method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                    .header("Accept", "application/json, application/problem+json");
            if (body) {
                request.header("Content-Type", "application/json");
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if ("header".equals(parameter.path("in").asText())) {
                    request.header(parameter.path("name").asText(), PROBE + "-" + UUID.randomUUID());
                }
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String code = "";
                if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    code = read(response.body(), method + " " + path).path("code").asText();
                }
                return new Reply(response.statusCode(), code);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode read(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + what + "): " + json, e);
        }
    }
}
