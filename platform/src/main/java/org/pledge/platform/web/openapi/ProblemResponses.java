package org.pledge.platform.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The RFC 9457 problem every error answers with, as the {@value #SCHEMA} schema and one shared response per status
 * the platform produces for any operation (see {@code ProblemDetailsAdvice}, {@code ProblemErrorController} and the
 * security entry points): {@code #/components/responses/<name>}.
 */
final class ProblemResponses {

    static final String SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "ProblemFieldError";
    static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String TYPE_PREFIX = "urn:pledge:problem:";

    /** A status the platform answers with, for which operations it applies to. */
    record Shared(String status, String name, String description, String exampleCode, String exampleDetail) {

        String ref() {
            return "#/components/responses/" + name;
        }
    }

    static final Shared BAD_REQUEST = new Shared("400", "BadRequest",
            "The request is malformed or invalid: `request.malformed` (unreadable JSON, a value of the wrong type, an unknown "
                    + "enum value: the detail names the field and what it accepts), `request.validation-failed` (a field or "
                    + "parameter breaks a rule: `errors` lists each), `request.invalid-parameter` (a query or path parameter "
                    + "of the wrong type), `request.header-missing` / `request.parameter-missing` (a required header or "
                    + "parameter, named in the detail and in `errors`), `request.invalid-path` / `request.invalid-header` "
                    + "(a path or header the server refuses before any handler).",
            "request.validation-failed", "The request is invalid: 1 value(s) failed validation.");
    static final Shared UNAUTHORIZED = new Shared("401", "Unauthorized",
            "`auth.unauthenticated`: no bearer token, or one that is invalid, expired, signed by another issuer or meant for "
                    + "another audience.",
            "auth.unauthenticated", "A bearer token is required.");
    static final Shared FORBIDDEN = new Shared("403", "Forbidden",
            "`auth.forbidden`: the token is valid but carries none of the roles this operation needs.",
            "auth.forbidden", "Your roles do not allow this request.");
    static final Shared NOT_FOUND = new Shared("404", "NotFound",
            "Nothing is found at this path (the operation's own code says what, e.g. `case.not-found`; "
                    + "`resource.not-found` otherwise).",
            "resource.not-found", "The requested resource does not exist.");
    static final Shared NOT_ACCEPTABLE = new Shared("406", "NotAcceptable",
            "`request.not-acceptable`: the `Accept` header admits none of the media types this operation answers with.",
            "request.not-acceptable", "Acceptable representations: [application/json, application/*+json].");
    static final Shared CONTENT_TOO_LARGE = new Shared("413", "ContentTooLarge",
            "`request.too-large`: the body is larger than the service accepts (`Content-Length` over "
                    + "`pledge.web.max-request-size`).",
            "request.too-large", "The request body is larger than 65536 bytes.");
    static final Shared UNSUPPORTED_MEDIA_TYPE = new Shared("415", "UnsupportedMediaType",
            "`request.unsupported-media-type`: the body is not `application/json`.",
            "request.unsupported-media-type", "Content-Type 'text/plain' is not supported.");
    static final Shared INTERNAL_ERROR = new Shared("500", "InternalError",
            "`internal.error`: the service failed. The detail holds only the correlation id to quote (also in the "
                    + "`X-Correlation-Id` response header).",
            "internal.error", "An unexpected error occurred. Quote correlation id 7f9c2b1e-0d4a-4c55-9a43-0c1f5b2d8e61 when reporting it.");

    static final List<Shared> ALL = List.of(BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, NOT_ACCEPTABLE, CONTENT_TOO_LARGE,
            UNSUPPORTED_MEDIA_TYPE, INTERNAL_ERROR);

    private ProblemResponses() {
    }

    /** Adds the {@value #SCHEMA} schema and the shared responses to {@code components}. */
    static void addTo(Components components, Set<String> used) {
        components.addSchemas(SCHEMA, problemSchema());
        components.addSchemas(FIELD_ERROR_SCHEMA, fieldErrorSchema());
        for (Shared shared : ALL) {
            if (used.contains(shared.name())) {
                components.addResponses(shared.name(), response(shared));
            }
        }
    }

    /** A response of an operation's own (e.g. a 409 with its codes): its description, the problem as content. */
    static ApiResponse own(ApiResponse documented) {
        documented.setContent(problemContent(null));
        return documented;
    }

    static Content problemContent(Map<String, Object> example) {
        MediaType mediaType = new MediaType().schema(Schemas.ref(SCHEMA));
        if (example != null) {
            mediaType.setExample(example);
        }
        return new Content().addMediaType(MEDIA_TYPE, mediaType);
    }

    private static ApiResponse response(Shared shared) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", TYPE_PREFIX + shared.exampleCode());
        example.put("title", org.springframework.http.HttpStatus.valueOf(Integer.parseInt(shared.status())).getReasonPhrase());
        example.put("status", Integer.parseInt(shared.status()));
        example.put("detail", shared.exampleDetail());
        example.put("instance", "/api/cases/3f1e0c7a");
        example.put("code", shared.exampleCode());
        if (shared == BAD_REQUEST) {
            example.put("errors", List.of(Map.of("field", "serviceType", "message", "must not be blank")));
        }
        ApiResponse response = new ApiResponse().description(shared.description()).content(problemContent(example));
        if (shared == UNAUTHORIZED) {
            response.addHeaderObject("WWW-Authenticate", new Header()
                    .description("`Bearer`, with `error=\"invalid_token\"` and a description when a token was sent but refused")
                    .schema(Schemas.string()));
        }
        return response;
    }

    private static Schema<?> fieldErrorSchema() {
        Schema<Object> error = Schemas.object()
                .description("One field or parameter that broke a rule")
                .addProperty("field", Schemas.string().description("The field's path in the body, or the parameter's name"))
                .addProperty("message", Schemas.string().description("What is wrong with it"));
        error.setRequired(List.of("field", "message"));
        return error;
    }

    private static Schema<?> problemSchema() {
        Schema<Object> problem = Schemas.object()
                .description("An RFC 9457 problem (`application/problem+json`). Clients act on `code` (stable; `type` is the "
                        + "same as a URN); `title` and `detail` are for people. Further members may be added.")
                .addProperty("type", Schemas.string().format("uri")
                        .description("`urn:pledge:problem:<code>`")
                        .example(TYPE_PREFIX + "case.not-found"))
                .addProperty("title", Schemas.string().description("The HTTP status's reason phrase").example("Not Found"))
                .addProperty("status", Schemas.integer().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status code").example(404))
                .addProperty("detail", Schemas.string().description("What went wrong in this occurrence, for people"))
                .addProperty("instance", Schemas.string().format("uri-reference")
                        .description("The request's path").example("/api/cases/3f1e0c7a"))
                .addProperty("code", Schemas.string().pattern("^[a-z0-9][a-z0-9.-]*$")
                        .description("The stable error code, e.g. `case.not-found`, `request.validation-failed`")
                        .example("case.not-found"))
                .addProperty("errors", Schemas.array(Schemas.ref(FIELD_ERROR_SCHEMA))
                        .description("With `request.validation-failed`: each field or parameter that broke a rule"));
        problem.setRequired(List.of("type", "status", "code"));
        return problem;
    }
}
