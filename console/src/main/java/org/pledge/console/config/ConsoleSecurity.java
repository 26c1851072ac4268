package org.pledge.console.config;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open which page, and how people sign in and out. The rules mirror the services' own (which refuse anyway:
 * the console relays the person's token): a page a role may not use is neither linked nor served.
 *
 * <table>
 *   <tr><th>pages</th><th>roles</th></tr>
 *   <tr><td>{@code /service-levels/**}, {@code /satisfaction/**}</td><td>operations, auditor</td></tr>
 *   <tr><td>{@code /cases/**}</td><td>caseworker, operations, auditor</td></tr>
 *   <tr><td>{@code /refunds/costs/**}</td><td>finance, auditor, operations</td></tr>
 *   <tr><td>{@code /refunds/**}</td><td>finance, auditor</td></tr>
 *   <tr><td>{@code /operations/**}</td><td>operations, admin</td></tr>
 *   <tr><td>{@code /audit/**}</td><td>auditor</td></tr>
 * </table>
 *
 * Sign-in is the authorization code flow with PKCE at the issuer; the tokens stay in the server-side session (nothing
 * in the browser's storage); signing out ends the session here and at the issuer (RP-initiated logout).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class ConsoleSecurity {

    /** The ID token claim that carries the person's roles (the issuer puts them in the access token too). */
    public static final String ROLES_CLAIM = "roles";

    /** The console's registration at the issuer ({@code spring.security.oauth2.client.registration.pledge}). */
    public static final String REGISTRATION = "pledge";

    @Bean
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler issuerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        issuerLogout.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        String issuer = issuerOrigin(registrations);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webjars/**", "/assets/**", "/console-assets/**", "/favicon.ico", "/error",
                                "/signed-out", "/forbidden", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/service-levels/**", "/satisfaction/**").hasAnyRole("operations", "auditor")
                        .requestMatchers("/cases/**").hasAnyRole("caseworker", "operations", "auditor")
                        .requestMatchers("/refunds/costs/**").hasAnyRole("finance", "auditor", "operations")
                        .requestMatchers("/refunds/**").hasAnyRole("finance", "auditor")
                        .requestMatchers("/operations/**").hasAnyRole("operations", "admin")
                        .requestMatchers("/audit/**").hasRole("auditor")
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce)))
                .logout(logout -> logout.logoutSuccessHandler(issuerLogout))
                // a role that may not open a page, or a form without its CSRF token: the console's own 403 page
                .exceptionHandling(denied -> denied.accessDeniedPage("/forbidden").authenticationEntryPoint(signIn()))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.directives(issuer)))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Where a request without a session goes: a page to the issuer (through the console's authorization request);
     * an htmx or server-sent-event request, which cannot follow that redirect, gets 401 (console.js then reloads the
     * page, which signs the person in again).
     */
    private static AuthenticationEntryPoint signIn() {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> live = new LinkedHashMap<>();
        live.put(request -> request.getHeader("HX-Request") != null
                        || String.valueOf(request.getHeader("Accept")).contains("text/event-stream"),
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(live);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + REGISTRATION));
        return entryPoint;
    }

    /** The origin of the issuer's endpoints the browser is sent to (authorize, end session), for the CSP. */
    static String issuerOrigin(ClientRegistrationRepository registrations) {
        ClientRegistration registration = registrations.findByRegistrationId(REGISTRATION);
        if (registration == null) {
            return null;
        }
        Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        return ContentSecurityPolicy.origin(endSession != null ? endSession.toString()
                : registration.getProviderDetails().getAuthorizationUri());
    }

    /** The person's roles, from the ID token's {@value #ROLES_CLAIM} claim, as {@code ROLE_<role>} authorities. */
    @Bean
    GrantedAuthoritiesMapper rolesFromIdToken() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Object roles = oidc.getIdToken().getClaim(ROLES_CLAIM);
                    if (roles instanceof Collection<?> list) {
                        list.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                    }
                }
            }
            return mapped;
        };
    }

    /** Gets the person's access token for a call, refreshing it with the refresh token when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /** The roles the console knows, in the order the home page lists their pages. */
    public static final List<String> ROLES = List.of("operations", "caseworker", "finance", "auditor", "admin");
}
