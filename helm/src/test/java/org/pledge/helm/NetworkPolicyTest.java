package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import org.junit.jupiter.api.Test;

/** Each service is reached only from where it is called, and reaches only its dependencies. */
class NetworkPolicyTest {

    private static NetworkPolicy policy(List<HasMetadata> objects, String component) {
        return Charts.ofType(objects, NetworkPolicy.class).stream()
                .filter(p -> p.getMetadata().getName().equals(Charts.objectName(component))).findFirst().orElseThrow();
    }

    private static List<NetworkPolicyIngressRule> ingress(NetworkPolicy policy) {
        return Objects.requireNonNullElse(policy.getSpec().getIngress(), List.of());
    }

    private static List<Integer> egressPorts(NetworkPolicy policy) {
        return policy.getSpec().getEgress().stream().map(NetworkPolicyEgressRule::getPorts)
                .flatMap(List::stream).map(p -> p.getPort().getIntVal()).toList();
    }

    private static boolean fromComponent(NetworkPolicyIngressRule rule, String component) {
        return rule.getFrom().stream().anyMatch(peer -> peer.getPodSelector() != null && component.equals(
                peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component")));
    }

    private static boolean fromNamespace(NetworkPolicyIngressRule rule, String namespace) {
        return rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null && namespace.equals(
                peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
    }

    @Test
    void backend_admitsOnlyTheConsole_byDefault() {
        List<HasMetadata> objects = Charts.renderRequired();

        for (String backend : List.of("case-service", "feedback-service", "notification-service", "guarantee-service")) {
            NetworkPolicy p = policy(objects, backend);
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(ingress(p)).as(backend).singleElement().satisfies(r -> assertThat(fromComponent(r, "console")).isTrue());
        }
        assertThat(ingress(policy(objects, "console"))).as("no ingress: nothing may reach it").isEmpty();
    }

    @Test
    void ingressControllerAndPrometheus_areAdmitted_onlyWhereTheyAreSwitchedOn() {
        List<HasMetadata> objects = Charts.renderEverything();

        // case-service: no ingress of its own, but scraped
        assertThat(ingress(policy(objects, "case-service"))).hasSize(2);
        // feedback-service: the console, the ingress controller (survey page) and Prometheus
        List<NetworkPolicyIngressRule> feedback = ingress(policy(objects, "feedback-service"));
        assertThat(feedback).hasSize(3);
        assertThat(feedback).filteredOn(r -> fromNamespace(r, "ingress-nginx")).hasSize(1);
        assertThat(feedback).filteredOn(r -> fromNamespace(r, "monitoring")).hasSize(1);
        assertThat(feedback).filteredOn(r -> fromComponent(r, "console")).hasSize(1);
        // the console: only the ingress controller (it has no Prometheus endpoint)
        assertThat(ingress(policy(objects, "console"))).singleElement()
                .satisfies(r -> assertThat(fromNamespace(r, "ingress-nginx")).isTrue());
    }

    @Test
    void egress_isDnsAndEachServicesOwnDependencies() {
        List<HasMetadata> objects = Charts.renderRequired();

        assertThat(egressPorts(policy(objects, "case-service"))).containsExactlyInAnyOrder(53, 53, 443, 9092, 27017);
        assertThat(egressPorts(policy(objects, "notification-service")))
                .containsExactlyInAnyOrder(53, 53, 443, 9092, 27017, 587, 443);
        assertThat(egressPorts(policy(objects, "guarantee-service")))
                .containsExactlyInAnyOrder(53, 53, 443, 9092, 27017, 443);
        NetworkPolicy console = policy(objects, "console");
        assertThat(egressPorts(console)).containsExactlyInAnyOrder(53, 53, 443, 8080).doesNotContain(9092, 27017);
        assertThat(console.getSpec().getEgress()).anySatisfy(r -> assertThat(r.getTo()).hasSize(4));
    }

    @Test
    void egressPeers_narrowADependency_whenGiven() {
        List<HasMetadata> objects = Charts.renderEverything();

        assertThat(policy(objects, "case-service").getSpec().getEgress()).anySatisfy(r -> {
            assertThat(r.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(27017));
            assertThat(r.getTo()).singleElement().satisfies(t -> assertThat(t.getIpBlock().getCidr()).isEqualTo("10.20.0.0/16"));
        });
    }

    @Test
    void noPolicy_whenSwitchedOff() {
        assertThat(Charts.ofType(Charts.render(Map.of("networkPolicy.enabled", false), Charts.REQUIRED),
                NetworkPolicy.class)).isEmpty();
    }
}
