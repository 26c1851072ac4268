package org.pledge.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own path→role rules, added to the platform's single filter chain after the platform's rules
 * (public health/info/api-docs, {@code /ops/**} for operations and admin) and before "everything else needs a
 * token":
 *
 * <pre>
 * &#64;Bean
 * PledgeHttpSecurityCustomizer caseRules() {
 *     return rules -&gt; rules
 *             .requestMatchers(HttpMethod.POST, "/cases").hasRole("channel")
 *             .requestMatchers("/cases/**").hasAnyRole("caseworker", "auditor");
 * }
 * </pre>
 */
@FunctionalInterface
public interface PledgeHttpSecurityCustomizer {

    void customize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
