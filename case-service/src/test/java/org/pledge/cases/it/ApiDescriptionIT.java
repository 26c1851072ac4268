package org.pledge.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pledge.testsupport.openapi.ApiDescriptions;
import org.springframework.beans.factory.annotation.Value;
import org.pledge.testsupport.http.ApiResponse;

/**
 * case-service's OpenAPI description is the committed {@code docs/api/case-service.openapi.json} (which CI lints), and
 * its roles are the ones the service enforces. {@code -Dpledge.api-docs.write=true} rewrites the file.
 */
class ApiDescriptionIT extends CaseServiceITSupport {

    @Value("${pledge.openapi.roles}")
    List<String> roles;

    @Test
    void servedDescription_isTheCommittedOne() {
        ApiResponse docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        ApiDescriptions.assertMatchesCommitted("case-service", docs.body());
    }

    @Test
    void everyOperation_admitsItsDocumentedRoles_andRefusesTheOthers() {
        ApiResponse docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").size()).isGreaterThan(10);
        assertThat(ApiDescriptions.roleViolations(docs.json(), api.uri("/"), TOKENS, roles)).isEmpty();
    }
}
