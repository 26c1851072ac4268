package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json: a wrong value is refused before anything renders, with a message naming the property. */
class ValuesSchemaTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            defaults.replicaCount                  | lots             | defaults.replicaCount: Invalid type. Expected: integer
            services.case.replicaz                 | 3                | services.case: Additional property replicaz is not allowed
            defaults.resourcez.limits.cpu          | 1                | defaults: Additional property resourcez is not allowed
            tag                                    | 1.2.3            | (root): Additional property tag is not allowed
            image.digest                           | sha256:abc       | image.digest: Does not match pattern
            services.console.image.digest          | latest           | services.console.image.digest: Does not match pattern
            image.pullPolicy                       | Sometimes        | image.pullPolicy must be one of the following
            kafka.bootstrapServers                 | kafka            | kafka.bootstrapServers: Does not match pattern
            oidc.issuerUri                         | id.example.org   | oidc.issuerUri: Does not match pattern
            defaults.resources.limits.memory       | lots             | defaults.resources.limits.memory: Must validate at least one schema
            defaults.autoscaling.targetCPUUtilizationPercentage | 150 | defaults.autoscaling.targetCPUUtilizationPercentage: Must be less than or equal to 100
            defaults.terminationGracePeriodSeconds | 30               | defaults.terminationGracePeriodSeconds: Must be greater than or equal to 60
            services.notification.consumers.caseEvents | 'bad topic'  | services.notification.consumers.caseEvents: Does not match pattern
            services.guarantee.transfers.debtorIban | not-an-iban     | services.guarantee.transfers.debtorIban: Does not match pattern
            mongodb.existingSecret                 | Not_A_Name       | mongodb.existingSecret: Does not match pattern
            metrics.serviceMonitor.interval        | often            | metrics.serviceMonitor.interval: Does not match pattern
            """)
    void invalidValue_isRejectedByTheSchema_namingTheProperty(String property, String value, String message) {
        assertThatThrownBy(() -> Charts.template(Map.of(property, value), Charts.REQUIRED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(message);
    }
}
