package org.pledge.platform.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The platform's part of every service's OpenAPI description ({@link PledgeOpenApiCustomizer},
 * {@link OperationSummaries}); springdoc's own settings are in {@code pledge-defaults.properties}.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, GlobalOpenApiCustomizer.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PledgeOpenApiProperties.class)
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PledgeOpenApiCustomizer pledgeOpenApiCustomizer(PledgeOpenApiProperties properties,
                                                           ObjectProvider<WebInvocationPrivilegeEvaluator> privileges,
                                                           @Value("${spring.application.name:application}") String applicationName) {
        return new PledgeOpenApiCustomizer(new OperationAccess(privileges::getIfUnique, properties.roles()),
                properties, applicationName);
    }

    @Bean
    OperationSummaries pledgeOperationSummaries() {
        return new OperationSummaries();
    }
}
