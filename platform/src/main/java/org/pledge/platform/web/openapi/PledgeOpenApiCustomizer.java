package org.pledge.platform.web.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * What every Pledge service's OpenAPI description says the same way, so that a client generated from it can
 * authenticate and read every error, also for operations added later without any annotation:
 * <ul>
 *   <li>security: the {@value #BEARER} scheme (HTTP bearer, a JWT) and, on every operation, the roles the service's
 *       security filter chain admits to it ({@link OperationAccess}; OpenAPI 3.1 lets a non-OAuth requirement list
 *       role names): none listed = any valid token; {@code security: []} = public. The description of each
 *       operation ends with the same in words;</li>
 *   <li>errors: the RFC 9457 {@code Problem} schema ({@code application/problem+json}) and, on every operation, the
 *       errors the platform can answer it with: 400 where it takes a body or parameters, 401 where secured, 403 where
 *       some roles are refused, 404 where the path has variables, 406 where it answers with a body, 413 and 415 where
 *       it takes a body, 500 always. Responses an operation documents itself (a 409, a 422, its own 404) keep their
 *       descriptions and get the problem schema;</li>
 *   <li>JSON: a success response of {@code *}{@code /*} becomes {@code application/json};</li>
 *   <li>an {@code Idempotency-Key} header without a description gets the platform's; a response header declared
 *       without a schema ({@code @Header(name = "ETag")}) is a string;</li>
 *   <li>the server ({@code pledge.openapi.server-url}), the title (the application's name where the service has
 *       none), the tags (every tag an operation uses is declared, in name order).</li>
 * </ul>
 */
public class PledgeOpenApiCustomizer implements GlobalOpenApiCustomizer {

    static final String BEARER = "bearer";
    private static final String ANY_MEDIA_TYPE = "*/*";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    static final String ROLES_PREFIX = "**Roles:** ";
    static final String ANY_ROLE = ROLES_PREFIX + "any valid bearer token.";
    static final String PUBLIC = "**Public:** no token needed.";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENCY_KEY_DOC = "Chosen by the client, one per intended change: a retry with the same key and "
            + "request is answered as the first time without acting twice; the same key with another request is 409.";

    private final OperationAccess access;
    private final PledgeOpenApiProperties properties;
    private final String applicationName;

    PledgeOpenApiCustomizer(OperationAccess access, PledgeOpenApiProperties properties, String applicationName) {
        this.access = access;
        this.properties = properties;
        this.applicationName = applicationName;
    }

    @Override
    public void customise(OpenAPI openApi) {
        info(openApi);
        openApi.setServers(new ArrayList<>(List.of(new Server().url(properties.serverUrl())
                .description("This service (a relative URL: the host that serves this description)"))));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("An OAuth2 access token (a signed JWT) from the Pledge token issuer, client credentials for "
                        + "machines. Its `roles` claim holds the caller's roles; each operation lists the ones it admits."));
        Set<String> usedResponses = new LinkedHashSet<>();
        Set<String> usedTags = new LinkedHashSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                describe(method, path, operation, usedResponses);
                if (operation.getTags() != null) {
                    usedTags.addAll(operation.getTags());
                }
            }));
        }
        ProblemResponses.addTo(components, usedResponses);
        tags(openApi, usedTags);
    }

    private void info(OpenAPI openApi) {
        Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
        openApi.setInfo(info);
        if (info.getTitle() == null || info.getTitle().isBlank() || "OpenAPI definition".equals(info.getTitle())) {
            info.setTitle(applicationName);
        }
        if (info.getVersion() == null || "v0".equals(info.getVersion())) {
            info.setVersion("1");
        }
        String conventions = "Every operation needs an OAuth2 bearer token (a JWT) unless it says it is public, and lists "
                + "the roles it admits. Bodies are JSON. Errors are RFC 9457 problems (`application/problem+json`) with a "
                + "stable `code`. Each request may carry an `X-Correlation-Id` (one is made up otherwise); every response "
                + "echoes it.";
        String description = info.getDescription();
        if (description == null || description.isBlank()) {
            info.setDescription(conventions);
        } else if (!description.contains(conventions)) {
            info.setDescription(description + "\n\n" + conventions);
        }
    }

    private void describe(PathItem.HttpMethod method, String path, Operation operation, Set<String> usedResponses) {
        OperationAccess.Access who = access.of(method.name(), path);
        security(operation, who);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean producesContent = false;
        for (Map.Entry<String, ApiResponse> entry : responses.entrySet()) {
            ApiResponse response = entry.getValue();
            if (response.get$ref() != null) {
                continue;
            }
            if (isError(entry.getKey())) {
                ProblemResponses.own(response);
            } else {
                producesContent |= json(response);
            }
            if (response.getHeaders() != null) {
                response.getHeaders().values().stream()
                        .filter(header -> header.get$ref() == null && header.getSchema() == null && header.getContent() == null)
                        .forEach(header -> header.setSchema(new io.swagger.v3.oas.models.media.StringSchema()));
            }
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.stream().filter(p -> "header".equals(p.getIn()) && IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName())
                && (p.getDescription() == null || p.getDescription().isBlank())).forEach(p -> p.setDescription(IDEMPOTENCY_KEY_DOC));
        boolean body = operation.getRequestBody() != null;
        boolean pathVariables = path.contains("{") || parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
        addShared(responses, ProblemResponses.BAD_REQUEST, body || !parameters.isEmpty(), usedResponses);
        addShared(responses, ProblemResponses.UNAUTHORIZED, who.secured(), usedResponses);
        addShared(responses, ProblemResponses.FORBIDDEN, who.restricted(), usedResponses);
        addShared(responses, ProblemResponses.NOT_FOUND, pathVariables, usedResponses);
        addShared(responses, ProblemResponses.NOT_ACCEPTABLE, producesContent, usedResponses);
        addShared(responses, ProblemResponses.CONTENT_TOO_LARGE, body, usedResponses);
        addShared(responses, ProblemResponses.UNSUPPORTED_MEDIA_TYPE, body, usedResponses);
        addShared(responses, ProblemResponses.INTERNAL_ERROR, true, usedResponses);
        sortByStatus(operation);
    }

    private static void security(Operation operation, OperationAccess.Access who) {
        String sentence;
        if (who.anonymous()) {
            operation.setSecurity(new ArrayList<>());
            sentence = PUBLIC;
        } else {
            List<String> roles = who.everyRole() ? List.of() : who.roles();
            operation.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(BEARER, new ArrayList<>(roles)))));
            sentence = who.everyRole() ? ANY_ROLE
                    : ROLES_PREFIX + "a bearer token with " + (roles.size() == 1 ? "the role " : "one of the roles ")
                    + String.join(", ", roles.stream().map(r -> "`" + r + "`").toList()) + ".";
        }
        String description = operation.getDescription();
        if (description == null || description.isBlank()) {
            operation.setDescription(sentence);
        } else if (!description.contains(ROLES_PREFIX) && !description.contains(PUBLIC)) {
            operation.setDescription(description + "\n\n" + sentence);
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    /** A success response answered as {@code *}{@code /*} is JSON; whether it has content at all. */
    private static boolean json(ApiResponse response) {
        Content content = response.getContent();
        if (content == null || content.isEmpty()) {
            return false;
        }
        MediaType any = content.remove(ANY_MEDIA_TYPE);
        if (any != null && !content.containsKey(JSON)) {
            content.addMediaType(JSON, any);
        }
        return true;
    }

    private static void addShared(ApiResponses responses, ProblemResponses.Shared shared, boolean applies, Set<String> used) {
        if (!applies) {
            return;
        }
        if (!responses.containsKey(shared.status())) {
            responses.addApiResponse(shared.status(), new ApiResponse().$ref(shared.ref()));
            used.add(shared.name());
        }
    }

    private static void sortByStatus(Operation operation) {
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        ApiResponses responses = new ApiResponses();
        sorted.forEach(responses::addApiResponse);
        responses.setExtensions(operation.getResponses().getExtensions());
        operation.setResponses(responses);
    }

    private static void tags(OpenAPI openApi, Set<String> used) {
        Map<String, Tag> byName = new LinkedHashMap<>();
        if (openApi.getTags() != null) {
            openApi.getTags().forEach(tag -> byName.put(tag.getName(), tag));
        }
        used.forEach(name -> byName.computeIfAbsent(name, n -> new Tag().name(n)));
        List<Tag> tags = new ArrayList<>(byName.values());
        tags.sort(Comparator.comparing(Tag::getName));
        openApi.setTags(tags);
    }
}
