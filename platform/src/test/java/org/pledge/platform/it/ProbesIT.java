package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** What the Helm chart's probes and shutdown rely on: the health groups, the graceful shutdown, a guarded scrape. */
@PlatformIT
class ProbesIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    Environment environment;

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readiness_isUpAndNamesMongoAndTheKafkaBinder_withoutAToken() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = objectMapper.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        List<String> components = new ArrayList<>();
        health.get("components").fieldNames().forEachRemaining(components::add);
        assertThat(components).containsExactlyInAnyOrder("readinessState", "mongo", "binders");
        assertThat(health.get("components").get("mongo").has("details")).isFalse();
    }

    @Test
    void liveness_isUpAndShowsNoComponent() throws Exception {
        HttpResponse<String> response = get("/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = objectMapper.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
    }

    @Test
    void prometheus_needsATokenUnlessMadePublic() throws Exception {
        assertThat(environment.getProperty("pledge.security.public-prometheus", "false")).isEqualTo("false");
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
    }

    @Test
    void shutdown_isGracefulAndEachPhaseMayTake45Seconds() {
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("45s");
    }
}
