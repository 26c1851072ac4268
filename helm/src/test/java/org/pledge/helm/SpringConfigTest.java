package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

/** The services' Spring settings (ConfigMap application.yaml) and the shared defaults with per-service overrides. */
class SpringConfigTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode config(List<HasMetadata> objects, String component) throws JsonProcessingException {
        ConfigMap map = Charts.ofType(objects, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(Charts.objectName(component))).findFirst().orElseThrow();
        return YAML.readTree(map.getData().get("application.yaml"));
    }

    private static Deployment deployment(List<HasMetadata> objects, String component) {
        return Charts.ofType(objects, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(Charts.objectName(component))).findFirst().orElseThrow();
    }

    private static String checksum(List<HasMetadata> objects, String component) {
        return deployment(objects, component).getSpec().getTemplate().getMetadata().getAnnotations()
                .get("checksum/config");
    }

    @Test
    void backend_getsKafkaIssuerTopicsGroupAndSegments() throws JsonProcessingException {
        JsonNode c = config(Charts.renderEverything(), "case-service");

        assertThat(c.at("/spring/cloud/stream/kafka/binder/brokers").asText()).isEqualTo("kafka-bootstrap.kafka:9092");
        assertThat(c.at("/spring/kafka/bootstrap-servers").asText()).isEqualTo("kafka-bootstrap.kafka:9092");
        assertThat(c.at("/pledge/security/issuer-uri").asText()).isEqualTo("https://id.example.org/realms/pledge");
        assertThat(c.at("/pledge/security/audiences").asText()).isEqualTo("pledge");
        assertThat(c.at("/pledge/security/public-prometheus").asBoolean()).isTrue();
        assertThat(c.at("/pledge/messaging/group").asText()).isEqualTo("pledge-case");
        assertThat(c.at("/pledge/messaging/consumers/feedbackEvents/topic").asText()).isEqualTo("pledge.feedback.v1");
        assertThat(c.at("/pledge/axon/processor-segments").asInt()).isEqualTo(4);
        assertThat(c.at("/axon/eventhandling/processors/case-summaries/initial-segment-count").asInt()).isEqualTo(8);
        assertThat(c.at("/pledge/audit/signing-key-file").asText()).isEqualTo("/etc/pledge/audit/signing-key.pem");
        assertThat(c.at("/server/port").asInt()).isEqualTo(8080);
    }

    @Test
    void console_callsTheFourServicesThroughTheirServices() throws JsonProcessingException {
        JsonNode c = config(Charts.renderRequired(), "console");

        assertThat(c.at("/pledge/console/services/case-service").asText()).isEqualTo("http://pledge-case-service:80");
        assertThat(c.at("/pledge/console/services/guarantee-service").asText())
                .isEqualTo("http://pledge-guarantee-service:80");
        assertThat(c.at("/spring/security/oauth2/client/provider/pledge/issuer-uri").asText())
                .isEqualTo("https://id.example.org/realms/pledge");
    }

    @Test
    void serviceConfig_isMergedOverWhatTheChartWrites() throws JsonProcessingException {
        List<HasMetadata> objects = Charts.render(Map.of("services.case.config.pledge.sla.batch-size", 50,
                "services.case.config.pledge.axon.processor-segments", 8), Charts.REQUIRED);
        JsonNode c = config(objects, "case-service");

        assertThat(c.at("/pledge/sla/batch-size").asInt()).isEqualTo(50);
        assertThat(c.at("/pledge/axon/processor-segments").asInt()).isEqualTo(8);
        assertThat(c.at("/pledge/security/jwk-set-uri").asText()).endsWith("/certs");
    }

    @Test
    void oneServicesFalseOrNumber_winsOverTheSharedDefault() {
        List<HasMetadata> objects = Charts.render(Map.of("services.case.podDisruptionBudget.enabled", false,
                "services.feedback.replicaCount", 0, "defaults.replicaCount", 3), Charts.REQUIRED);

        assertThat(Charts.ofType(objects, PodDisruptionBudget.class)).extracting(p -> p.getMetadata().getName())
                .hasSize(4).doesNotContain("pledge-case-service");
        assertThat(deployment(objects, "feedback-service").getSpec().getReplicas()).isZero();
        assertThat(deployment(objects, "guarantee-service").getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void configChange_rollsOnlyThatServicesPods() {
        List<HasMetadata> before = Charts.renderRequired();
        List<HasMetadata> after = Charts.render(Map.of("services.notification.processorSegments", 8), Charts.REQUIRED);

        assertThat(checksum(after, "notification-service")).isNotEqualTo(checksum(before, "notification-service"));
        for (String other : List.of("case-service", "feedback-service", "guarantee-service", "console")) {
            assertThat(checksum(after, other)).as(other).isEqualTo(checksum(before, other));
        }
    }
}
