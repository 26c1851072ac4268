package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RenderedObjectsTest {

    private static final List<String> PER_SERVICE = List.of("ConfigMap", "Deployment", "NetworkPolicy",
            "PodDisruptionBudget", "Service", "ServiceAccount");

    static Stream<Arguments> renders() {
        return Stream.of(Arguments.of("mandatory references only", Charts.renderRequired()),
                Arguments.of("every optional part on", Charts.renderEverything()));
    }

    @Test
    void requiredValues_renderSixObjectsPerService_andNothingOptional() {
        Set<String> expected = new TreeSet<>();
        Charts.COMPONENTS.values().forEach(c -> PER_SERVICE.forEach(k -> expected.add(k + "/" + Charts.objectName(c))));

        assertThat(Charts.kindsAndNames(Charts.renderRequired())).isEqualTo(expected);
    }

    @Test
    void everything_rendersAutoscalersMonitorsIngressesAndTopics() {
        List<HasMetadata> objects = Charts.renderEverything();

        assertThat(Charts.ofType(objects, HorizontalPodAutoscaler.class)).hasSize(5);
        assertThat(Charts.ofType(objects, Ingress.class)).extracting(i -> i.getMetadata().getName())
                .containsExactlyInAnyOrder("pledge-feedback-service", "pledge-notification-service",
                        "pledge-guarantee-service", "pledge-console");
        List<GenericKubernetesResource> custom = Charts.ofType(objects, GenericKubernetesResource.class);
        assertThat(custom).filteredOn(g -> g.getKind().equals("ServiceMonitor")).extracting(g -> g.getMetadata().getName())
                .containsExactlyInAnyOrder("pledge-case-service", "pledge-feedback-service",
                        "pledge-notification-service", "pledge-guarantee-service");
        assertThat(custom).filteredOn(g -> g.getKind().equals("KafkaTopic")).hasSize(11);
        assertThat(Charts.ofType(objects, Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas())
                .as("the autoscaler owns the replicas").isNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyObject_parsesWithoutUnknownFields(String variant, List<HasMetadata> objects) {
        assertThat(objects).isNotEmpty();
        assertThat(objects).flatExtracting(UnknownFields::in).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyObject_hasTheStandardLabelsAndItsNamespace(String variant, List<HasMetadata> objects) {
        assertThat(objects).allSatisfy(o -> {
            Map<String, String> labels = o.getMetadata().getLabels();
            assertThat(labels).containsEntry("app.kubernetes.io/name", "pledge")
                    .containsEntry("app.kubernetes.io/instance", Charts.RELEASE)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("app.kubernetes.io/part-of", "pledge")
                    .containsKeys("app.kubernetes.io/version", "app.kubernetes.io/component", "helm.sh/chart");
            assertThat(o.getMetadata().getNamespace()).isEqualTo(Charts.NAMESPACE);
        });
    }

    @Test
    void podTemplates_carryNoChartOrVersionLabel_soThatANewChartAloneRestartsNothing() {
        assertThat(Charts.ofType(Charts.renderEverything(), Deployment.class)).allSatisfy(d -> {
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(labels).doesNotContainKeys("helm.sh/chart", "app.kubernetes.io/version")
                    .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels())
                    .containsEntry("team", "public-services");
        });
    }

    @Test
    void serviceAccounts_mountNoApiToken() {
        assertThat(Charts.ofType(Charts.renderEverything(), ServiceAccount.class)).hasSize(5)
                .allSatisfy(sa -> assertThat(sa.getAutomountServiceAccountToken()).isFalse());
    }

    @Test
    void kafkaTopics_nameTheRealTopicWithPartitionsRetentionAndTheirCluster() {
        List<GenericKubernetesResource> topics = Charts.ofType(Charts.renderEverything(),
                GenericKubernetesResource.class).stream().filter(g -> g.getKind().equals("KafkaTopic")).toList();

        GenericKubernetesResource cases = topics.stream()
                .filter(t -> "pledge.case.v1".equals(t.get("spec", "topicName"))).findFirst().orElseThrow();
        assertThat(cases.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
        assertThat(cases.getMetadata().getName()).isEqualTo("pledge-pledge-case-v1");
        assertThat(cases.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "pledge-kafka");
        assertThat((Object) cases.get("spec", "partitions")).isEqualTo(6);
        assertThat((Object) cases.get("spec", "replicas")).isEqualTo(3);
        assertThat((Object) cases.get("spec", "config", "retention.ms")).isEqualTo("604800000");
        assertThat(topics).extracting(t -> (String) t.get("spec", "topicName"))
                .contains("pledge.case.v1.dlq", "pledge.privacy.v1.dlq", "pledge.audit.v1")
                .doesNotContain("pledge.audit.v1.dlq");
        assertThat(topics).allSatisfy(t -> assertThat(t.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"));
    }

    @Test
    void serviceMonitors_scrapeTheNamedPortsPrometheusEndpoint() {
        List<GenericKubernetesResource> monitors = Charts.ofType(Charts.renderEverything(),
                GenericKubernetesResource.class).stream().filter(g -> g.getKind().equals("ServiceMonitor")).toList();

        assertThat(monitors).allSatisfy(m -> {
            assertThat(m.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
            assertThat(m.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
            List<Map<String, Object>> endpoints = m.get("spec", "endpoints");
            assertThat(endpoints).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("port", "http").containsEntry("path", "/actuator/prometheus"));
        });
    }
}
