package org.pledge.guarantee.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pledge.guarantee.GuaranteeServiceApplication;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.openapi.ApiDescriptions;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * guarantee-service's OpenAPI description is the committed {@code docs/api/guarantee-service.openapi.json} (which CI lints),
 * and its roles are the ones the service enforces. {@code -Dpledge.api-docs.write=true} rewrites the file.
 */
@SpringBootTest(classes = GuaranteeServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PledgeTestInitializer.class)
class ApiDescriptionIT {

    @LocalServerPort
    int port;
    @Value("${pledge.openapi.roles}")
    List<String> roles;

    @Test
    void servedDescription_isTheCommittedOne() throws Exception {
        ApiDescriptions.assertMatchesCommitted("guarantee-service", served());
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
