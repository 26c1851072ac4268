package org.pledge.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Value;

/**
 * A service's OpenAPI description is its committed {@code docs/api/<service>.openapi.json} (which CI lints), and the
 * roles it documents are the ones the service enforces. A service's test extends this and is a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} of the service; {@code -Dpledge.api-docs.write=true} rewrites
 * the file.
 */
public abstract class ApiDescriptionContract {

    @Value("${local.server.port}")
    int port;
    @Value("${pledge.openapi.roles}")
    List<String> roles;
    @Value("${spring.application.name}")
    String service;

    @Test
    void servedDescription_isTheCommittedOne() throws Exception {
        ApiDescriptions.assertMatchesCommitted(service, served());
    }

    @Test
    void everyOperation_admitsItsDocumentedRoles_andRefusesTheOthers() throws Exception {
        JsonNode description = new ObjectMapper().readTree(served());
        assertThat(description.path("paths").size()).isPositive();
        assertThat(ApiDescriptions.roleViolations(description, URI.create("http://localhost:" + port + "/"), TestTokens.get(), roles))
                .isEmpty();
    }

    private String served() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
