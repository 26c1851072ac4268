package org.pledge.platform.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

class PledgeOpenApiCustomizerTest {

    private static final List<String> ROLES = List.of("channel", "caseworker", "operations", "admin");

    /** Stands in for the filter chain: /public/** open, /any/** any token, /cases/** channel or caseworker, /nobody/** a role no one has. */
    private static final WebInvocationPrivilegeEvaluator CHAIN = new WebInvocationPrivilegeEvaluator() {
        @Override
        public boolean isAllowed(String uri, Authentication authentication) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isAllowed(String contextPath, String uri, String method, Authentication authentication) {
            Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .collect(java.util.stream.Collectors.toSet());
            if (uri.startsWith("/public")) {
                return true;
            }
            if (roles.contains("ROLE_ANONYMOUS")) {
                return false;
            }
            if (uri.startsWith("/any")) {
                return true;
            }
            if (uri.startsWith("/nobody")) {
                return roles.contains("ROLE_ghost");
            }
            return roles.contains("ROLE_channel") || roles.contains("ROLE_caseworker");
        }
    };

    private final PledgeOpenApiCustomizer customizer = new PledgeOpenApiCustomizer(new OperationAccess(() -> CHAIN, ROLES),
            new PledgeOpenApiProperties(ROLES, "/"), "case-service");

    @Test
    void securedOperation_listsTheRolesTheChainAdmits_andItsProblems() {
        Operation submit = operation().requestBody(new RequestBody().content(json()))
                .addParametersItem(new Parameter().in("header").name("Idempotency-Key"))
                .responses(new ApiResponses()
                        .addApiResponse("201", new ApiResponse().description("Submitted").content(any()))
                        .addApiResponse("422", new ApiResponse().description("case.service-type-unknown")
                                .content(new Content().addMediaType("application/problem+json", new MediaType()))));
        OpenAPI api = api("/cases", new PathItem().post(submit));

        customizer.customise(api);

        assertThat(submit.getSecurity()).hasSize(1);
        assertThat(submit.getSecurity().get(0).get("bearer")).containsExactly("channel", "caseworker");
        assertThat(submit.getDescription()).endsWith("**Roles:** a bearer token with one of the roles `channel`, `caseworker`.");
        assertThat(submit.getResponses().keySet()).containsExactly("201", "400", "401", "403", "406", "413", "415", "422", "500");
        assertThat(submit.getResponses().get("201").getContent().keySet()).containsExactly("application/json");
        ApiResponse own = submit.getResponses().get("422");
        assertThat(own.getDescription()).isEqualTo("case.service-type-unknown");
        assertThat(own.getContent().get("application/problem+json").getSchema().get$ref()).isEqualTo("#/components/schemas/Problem");
        assertThat(submit.getResponses().get("401").get$ref()).isEqualTo("#/components/responses/Unauthorized");
        assertThat(api.getComponents().getResponses()).containsKeys("BadRequest", "Unauthorized", "Forbidden", "NotAcceptable",
                "ContentTooLarge", "UnsupportedMediaType", "InternalError").doesNotContainKey("NotFound");
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "ProblemFieldError");
        assertThat(api.getComponents().getSecuritySchemes().get("bearer").getBearerFormat()).isEqualTo("JWT");
        assertThat(submit.getParameters().get(0).getDescription()).isEqualTo(PledgeOpenApiCustomizer.IDEMPOTENCY_KEY_DOC);
    }

    @Test
    void anyTokenOperation_listsNoRole_andHasNo403_pathVariablesGive404_noBodyNo413() {
        Operation read = operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("ok").content(any())));
        OpenAPI api = api("/any/{id}", new PathItem().get(read));

        customizer.customise(api);

        assertThat(read.getSecurity().get(0).get("bearer")).isEmpty();
        assertThat(read.getDescription()).isEqualTo(PledgeOpenApiCustomizer.ANY_ROLE);
        assertThat(read.getResponses().keySet()).containsExactly("200", "401", "404", "406", "500");
    }

    @Test
    void aResponseHeaderDeclaredWithoutASchema_isAString() {
        io.swagger.v3.oas.models.headers.Header etag = new io.swagger.v3.oas.models.headers.Header().description("version");
        Operation read = operation().responses(new ApiResponses().addApiResponse("200",
                new ApiResponse().description("ok").content(any()).addHeaderObject("ETag", etag)));

        customizer.customise(api("/any/{id}", new PathItem().get(read)));

        assertThat(etag.getSchema()).isNotNull();
        assertThat(etag.getSchema().getType()).isEqualTo("string");
    }

    @Test
    void publicOperation_hasAnEmptySecurityRequirement_andNo401() {
        Operation health = operation().responses(new ApiResponses().addApiResponse("204", new ApiResponse().description("ok")));
        OpenAPI api = api("/public/ping", new PathItem().get(health));

        customizer.customise(api);

        assertThat(health.getSecurity()).isEmpty();
        assertThat(health.getDescription()).isEqualTo(PledgeOpenApiCustomizer.PUBLIC);
        assertThat(health.getResponses().keySet()).containsExactly("204", "500");
    }

    @Test
    void anOperationNoKnownRoleMayCall_failsTheDescription() {
        OpenAPI api = api("/nobody", new PathItem().get(operation()));

        assertThatThrownBy(() -> customizer.customise(api)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /nobody admits none of the roles");
    }

    @Test
    void servers_title_andTags_areSet() {
        Operation op = operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("ok").content(any())));
        op.setTags(List.of("Zebra", "Cases"));
        OpenAPI api = api("/any", new PathItem().get(op));
        api.setTags(List.of(new Tag().name("Cases").description("Cases")));

        customizer.customise(api);
        customizer.customise(api);

        assertThat(api.getServers()).singleElement().satisfies(s -> assertThat(s.getUrl()).isEqualTo("/"));
        assertThat(api.getInfo().getTitle()).isEqualTo("case-service");
        assertThat(api.getInfo().getDescription()).contains("RFC 9457");
        assertThat(api.getTags()).extracting(Tag::getName).containsExactly("Cases", "Zebra");
        assertThat(op.getDescription()).isEqualTo(PledgeOpenApiCustomizer.ANY_ROLE);
    }

    @Test
    void summaries_fromMethodNames() {
        assertThat(OperationSummaries.words("replayOutbound")).isEqualTo("Replay outbound");
        assertThat(OperationSummaries.words("list")).isEqualTo("List");
        assertThat(OperationSummaries.words("getCaseHistory2")).isEqualTo("Get case history2");
    }

    private static Operation operation() {
        return new Operation().responses(new ApiResponses());
    }

    private static OpenAPI api(String path, PathItem item) {
        return new OpenAPI().info(new Info().title("OpenAPI definition").version("v0")).paths(new Paths().addPathItem(path, item));
    }

    private static Content json() {
        return new Content().addMediaType("application/json", new MediaType().schema(new Schema<>().type("object")));
    }

    private static Content any() {
        return new Content().addMediaType("*/*", new MediaType().schema(new Schema<>().type("object")));
    }
}
