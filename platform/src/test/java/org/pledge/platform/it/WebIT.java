package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformIT
class WebIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestTokens tokens = TestTokens.get();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    EventStore eventStore;

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    @Test
    void command_fromARequest_carriesActorClientAndCorrelationId_intoTheEventMetadata() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        HttpResponse<String> response = http.send(request("/test/cases/" + caseId, tokens.token("cathy", "caseworker"))
                        .header("X-Correlation-Id", "corr-" + caseId)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        DomainEventMessage<?> event = eventStore.readEvents(caseId).next();
        assertThat(event.getMetaData()).containsEntry("actor", "cathy")
                .containsEntry("actorRoles", "caseworker")
                .containsEntry("client", "cathy") // the token's azp
                .containsEntry("correlationId", "corr-" + caseId);
    }

    @Test
    void tooLargeBody_is413Problem() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024];
        HttpResponse<String> response = http.send(request("/test/cases/x", tokens.token("cathy", "caseworker"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("request.too-large");
        assertThat(problem.get("status").asInt()).isEqualTo(413);
    }

    @Test
    void unknownDeadLetterTopic_is404Problem() throws Exception {
        HttpResponse<String> response = http.send(request("/ops/dead-letters/pledge.nope.v1", tokens.token("ada", "admin"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(objectMapper.readTree(response.body()).get("code").asText()).isEqualTo("dead-letters.unknown-topic");
    }

    @Test
    void requestRejectedBeforeAnyController_isStillAProblem() throws Exception {
        // Spring Security's firewall rejects a path parameter; the error dispatch ends in our error controller
        HttpResponse<String> response = http.send(request("/test/ping;x=1", tokens.token("ada", "admin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("request.invalid");
        assertThat(problem.get("instance").asText()).isNotBlank();
    }
}
