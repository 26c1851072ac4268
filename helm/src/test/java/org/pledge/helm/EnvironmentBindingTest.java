package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment variables the chart sets reach the Spring properties the services read, by Spring Boot's own
 * relaxed binding of environment variables (a misspelt name would be silently ignored by a service).
 */
class EnvironmentBindingTest {

    /** Spring property → the environment variable the chart must set for it. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("server.port", "SERVER_PORT"),
            Map.entry("spring.config.additional-location", "SPRING_CONFIG_ADDITIONAL_LOCATION"),
            Map.entry("spring.data.mongodb.uri", "SPRING_DATA_MONGODB_URI"),
            Map.entry("pledge.privacy.master-key", "PLEDGE_PRIVACY_MASTERKEY"),
            Map.entry("pledge.privacy.master-key-id", "PLEDGE_PRIVACY_MASTERKEYID"),
            Map.entry("pledge.surveys.token-keys[0].id", "PLEDGE_SURVEYS_TOKENKEYS_0_ID"),
            Map.entry("pledge.surveys.token-keys[0].secret", "PLEDGE_SURVEYS_TOKENKEYS_0_SECRET"),
            Map.entry("spring.mail.username", "SPRING_MAIL_USERNAME"),
            Map.entry("spring.mail.password", "SPRING_MAIL_PASSWORD"),
            Map.entry("pledge.sms.callback-secret", "PLEDGE_SMS_CALLBACKSECRET"),
            Map.entry("pledge.payments.callback-secret", "PLEDGE_PAYMENTS_CALLBACKSECRET"));

    @Test
    void everyVariableTheChartSets_bindsToItsProperty() {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Deployment d : Charts.ofType(Charts.renderEverything(), Deployment.class)) {
            for (EnvVar e : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                variables.put(e.getName(), "value of " + e.getName());
            }
        }
        // the process environment of a pod: only what the chart sets, under the name Spring Boot maps as environment
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        ConfigurationPropertySources.attach(environment);

        assertThat(variables).containsKeys(EXPECTED.values().toArray(String[]::new));
        EXPECTED.forEach((property, variable) -> assertThat(environment.getProperty(property)).as(property)
                .isEqualTo("value of " + variable));
        // the console reads its client secret through a placeholder of exactly this name (application.yml)
        assertThat(variables).containsKey("PLEDGE_CONSOLE_CLIENT_SECRET");
    }
}
