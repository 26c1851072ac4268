package org.pledge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pledge.platform.web.ProblemResponseWriter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * pledge.security.public-prometheus: the filter chain lets an anonymous scrape through only when it is set (a 404 here:
 * no endpoint in this context, past security), and keeps everything else behind a token (401).
 */
class PublicPrometheusTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PledgeSecurityAutoConfiguration.class,
                    WebMvcAutoConfiguration.class))
            .withUserConfiguration(Beans.class)
            .withPropertyValues("pledge.security.issuer-uri=http://issuer.test",
                    "pledge.security.jwk-set-uri=http://issuer.test/jwks", "pledge.security.audiences=pledge");

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        ProblemResponseWriter problemResponseWriter() {
            return new ProblemResponseWriter(new ObjectMapper());
        }
    }

    private static int anonymousGet(org.springframework.web.context.WebApplicationContext context, String path)
            throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        return mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse().getStatus();
    }

    @Test
    void prometheus_needsAToken_byDefault() {
        runner.run(context -> assertThat(anonymousGet(context, "/actuator/prometheus")).isEqualTo(401));
    }

    @Test
    void prometheus_passesWithoutAToken_whenMadePublic_andNothingElseDoes() {
        runner.withPropertyValues("pledge.security.public-prometheus=true").run(context -> {
            assertThat(anonymousGet(context, "/actuator/prometheus")).isEqualTo(404);
            assertThat(anonymousGet(context, "/actuator/env")).isEqualTo(401);
            assertThat(anonymousGet(context, "/api/anything")).isEqualTo(401);
        });
    }
}
