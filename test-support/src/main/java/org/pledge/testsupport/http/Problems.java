package org.pledge.testsupport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every Pledge API promises for bad input: an RFC 9457 problem ({@code application/problem+json}) with the
 * status, a {@code type} of {@code urn:pledge:problem:<code>}, the stable {@code code}, a title and a detail, and no
 * stack trace or HTML page.
 */
public final class Problems {

    private Problems() {
    }

    /** Asserts the problem over a real HTTP client; {@code code} null accepts any Pledge problem code. */
    public static JsonNode assertProblem(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return assertProblemBody(response.header("Content-Type"), response.body(), status, code);
    }

    /** As above, for an answer to a raw socket request. */
    public static JsonNode assertProblem(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return assertProblemBody(response.header("Content-Type"), response.text(), status, code);
    }

    /** Asserts a problem's content type and body; returns the problem. */
    public static JsonNode assertProblemBody(String contentType, String body, int status, String code) {
        assertThat(contentType).as(body).startsWith("application/problem+json");
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContainIgnoringCase("<html");
        JsonNode problem;
        try {
            problem = ServiceApi.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
        assertThat(problem.path("status").asInt()).as(body).isEqualTo(status);
        assertThat(problem.path("type").asText()).as(body).startsWith("urn:pledge:problem:");
        assertThat(problem.path("title").asText()).as(body).isNotBlank();
        assertThat(problem.path("detail").asText()).as(body).isNotBlank();
        if (code != null) {
            assertThat(problem.path("code").asText()).as(body).isEqualTo(code);
            assertThat(problem.path("type").asText()).as(body).isEqualTo("urn:pledge:problem:" + code);
        }
        return problem;
    }
}
