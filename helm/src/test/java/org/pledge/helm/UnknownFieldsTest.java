package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The walker the chart tests rely on finds a misspelt field at any depth, and nothing in a correct object. */
class UnknownFieldsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: probe
            spec:
              %s: 2
              selector:
                matchLabels: {app: probe}
              template:
                metadata:
                  labels: {app: probe}
                spec:
                  containers:
                    - name: app
                      image: probe:1
                      resources:
                        %s: {cpu: 100m}
            """;

    @Test
    void walker_reportsMisspeltFields_withTheirPath() {
        assertThat(UnknownFields.in(Charts.parse(DEPLOYMENT.formatted("replicaz", "limit")).get(0)))
                .containsExactlyInAnyOrder("Deployment/probe.Spec [replicaz]",
                        "Deployment/probe.Spec.Template.Spec.Containers[0].Resources [limit]");
    }

    @Test
    void walker_reportsNothing_forACorrectObject() {
        assertThat(UnknownFields.in(Charts.parse(DEPLOYMENT.formatted("replicas", "limits")).get(0))).isEmpty();
    }
}
