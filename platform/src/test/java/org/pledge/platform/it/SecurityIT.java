package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformIT
class SecurityIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestTokens tokens = TestTokens.get();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertUnauthorizedProblem(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("code").asText()).isEqualTo("auth.unauthenticated");
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).isEqualTo("/test/ping");
    }

    @Test
    void missingToken_is401Problem() throws Exception {
        assertUnauthorizedProblem(get("/test/ping", null));
    }

    @Test
    void expiredToken_is401Problem() throws Exception {
        assertUnauthorizedProblem(get("/test/ping", tokens.expiredToken("carl", "channel")));
    }

    @Test
    void tokenFromOtherIssuer_is401Problem() throws Exception {
        assertUnauthorizedProblem(get("/test/ping", tokens.tokenFromOtherIssuer("carl", "channel")));
    }

    @Test
    void unsignedAlgNoneToken_is401Problem() throws Exception {
        assertUnauthorizedProblem(get("/test/ping", tokens.unsignedToken("carl", "channel")));
    }

    @Test
    void wrongRole_is403Problem() throws Exception {
        HttpResponse<String> response = get("/test/ping", tokens.token("fiona", "finance"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(objectMapper.readTree(response.body()).get("code").asText()).isEqualTo("auth.forbidden");
    }

    @Test
    void operatorEndpoint_isForbiddenForACaseworker() throws Exception {
        assertThat(get("/ops/dead-letters/" + TestApp.IN_TOPIC, tokens.token("cathy", "caseworker")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void rightRole_is200_andTheCorrelationIdIsEchoed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/test/ping"))
                .header("Authorization", "Bearer " + tokens.token("carl", "channel"))
                .header("X-Correlation-Id", "corr-42").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("corr-42");
    }

    @Test
    void actuator_exposesOnlyHealthInfoAndPrometheus() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        HttpResponse<String> info = get("/actuator/info", null);
        assertThat(info.statusCode()).as(info.body() + " links: " + get("/actuator", tokens.token("ada", "admin")).body())
                .isEqualTo(200);
        String admin = tokens.token("ada", "admin");
        assertThat(get("/actuator/prometheus", admin).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env", admin).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/beans", admin).statusCode()).isEqualTo(404);
        JsonNode links = objectMapper.readTree(get("/actuator", admin).body()).get("_links");
        java.util.List<String> names = new java.util.ArrayList<>();
        links.fieldNames().forEachRemaining(names::add);
        assertThat(names).allMatch(n -> n.equals("self") || n.startsWith("health") || n.equals("info")
                || n.equals("prometheus"));
        assertThat(names).contains("health", "info", "prometheus");
    }

    @Test
    void unknownPath_isA404Problem() throws Exception {
        HttpResponse<String> response = get("/no/such/thing", tokens.token("ada", "admin"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(objectMapper.readTree(response.body()).get("code").asText()).isEqualTo("resource.not-found");
    }
}
