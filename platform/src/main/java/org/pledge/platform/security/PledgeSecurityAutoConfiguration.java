package org.pledge.platform.security;

import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pledge.platform.web.ProblemRequestRejectedHandler;
import org.pledge.platform.web.ProblemResponseWriter;
import org.pledge.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The one security filter chain of every service: a stateless OAuth2 resource server (JWT bearer tokens), CSRF off,
 * 401 and 403 as problem JSON (with {@code WWW-Authenticate} kept). Public: {@code /actuator/health/**},
 * {@code /actuator/info}, {@code /error}, and (unless {@code pledge.security.public-api-docs=false})
 * {@code /v3/api-docs/**} and {@code /swagger-ui/**}, and (only with {@code pledge.security.public-prometheus=true})
 * {@code /actuator/prometheus}. {@code /ops/**}: roles {@code operations} or {@code admin};
 * {@code /api/data-subjects/**} and {@code /api/privacy/**} (erasure, key rotation): role {@code admin};
 * {@code /api/audit/**}: role {@code auditor}.
 * Then the services' {@link PledgeHttpSecurityCustomizer} rules; anything else needs a valid token.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PledgeSecurityProperties.class)
@EnableWebSecurity
public class PledgeSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    public JwtDecoder jwtDecoder(PledgeSecurityProperties properties, Clock clock) {
        return PledgeJwtDecoders.create(properties, clock);
    }

    @Bean
    @ConditionalOnMissingBean(name = "pledgeJwtAuthenticationConverter")
    public JwtAuthenticationConverter pledgeJwtAuthenticationConverter(PledgeSecurityProperties properties) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(properties.rolesClaim());
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean(name = "pledgeSecurityFilterChain")
    public SecurityFilterChain pledgeSecurityFilterChain(HttpSecurity http,
                                                         PledgeSecurityProperties properties,
                                                         JwtAuthenticationConverter pledgeJwtAuthenticationConverter,
                                                         ObjectProvider<PledgeHttpSecurityCustomizer> customizers,
                                                         ProblemResponseWriter problemWriter) throws Exception {
        AuthenticationEntryPoint entryPoint = problemEntryPoint(problemWriter);
        AccessDeniedHandler deniedHandler = problemAccessDeniedHandler(problemWriter);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .oauth2ResourceServer(o -> o
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(pledgeJwtAuthenticationConverter)))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                            .permitAll();
                    if (properties.publicPrometheus()) {
                        rules.requestMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll();
                    }
                    if (properties.publicApiDocs()) {
                        rules.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll();
                    }
                    rules.requestMatchers("/ops/**").hasAnyRole("operations", "admin");
                    // the platform's personal-data erasure and key rotation (org.pledge.platform.privacy)
                    rules.requestMatchers("/api/data-subjects/**", "/api/privacy/**").hasRole("admin");
                    // the audit API of every service (org.pledge.platform.audit)
                    rules.requestMatchers("/api/audit/**").hasRole("auditor");
                    customizers.orderedStream().forEach(c -> c.customize(rules));
                    rules.anyRequest().authenticated();
                });
        return http.build();
    }

    /**
     * What Spring Security's firewall rejects (an unknown method, a {@code ;} or {@code //} or dot segment in the path,
     * a control character in a header) is a problem too, written at once (an error dispatch would be rejected again).
     */
    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    public RequestRejectedHandler pledgeRequestRejectedHandler(ProblemResponseWriter problemWriter,
                                                               ObjectProvider<ObservationRegistry> observations) {
        RequestRejectedHandler problems = new ProblemRequestRejectedHandler(problemWriter);
        ObservationRegistry registry = observations.getIfAvailable();
        if (registry == null || registry.isNoop()) {
            return problems;
        }
        // what Spring Security does without a handler bean: mark the observation, then answer
        return new CompositeRequestRejectedHandler(new ObservationMarkingRequestRejectedHandler(registry), problems);
    }

    static AuthenticationEntryPoint problemEntryPoint(ProblemResponseWriter writer) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
            bearer.commence(request, response, ex); // sets 401 and WWW-Authenticate
            String authorization = request.getHeader("Authorization");
            String detail = authorization == null ? "A bearer token is required."
                    : !authorization.regionMatches(true, 0, "Bearer", 0, 6)
                    ? "A bearer token is required (Authorization: Bearer <token>); no other scheme is accepted."
                    : "The bearer token is invalid, expired, or not meant for this service.";
            writer.write(response, Problems.problem(HttpStatus.UNAUTHORIZED, "auth.unauthenticated", detail,
                    request.getRequestURI()));
        };
    }

    static AccessDeniedHandler problemAccessDeniedHandler(ProblemResponseWriter writer) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) -> {
            bearer.handle(request, response, ex);
            writer.write(response, Problems.problem(HttpStatus.FORBIDDEN, "auth.forbidden",
                    "Your roles do not allow this request.", request.getRequestURI()));
        };
    }
}
