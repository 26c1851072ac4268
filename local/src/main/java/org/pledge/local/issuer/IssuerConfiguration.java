package org.pledge.local.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spring Authorization Server set up as the local OIDC issuer, with RS256 JWT access tokens carrying {@code roles},
 * {@code aud}, {@code iss} and {@code azp}:
 * <ul>
 *   <li>client credentials: one client per role, {@code sub} = {@code azp} = the client id;</li>
 *   <li>the console ({@value IssuerServer#CONSOLE_CLIENT}): authorization code with PKCE required, refresh tokens,
 *       {@code client_secret_basic}; the {@link LocalPeople people} sign in with a password on the login form; their
 *       access token has {@code sub} = the user name, their roles, {@code aud=pledge}, {@code azp=console}; their ID
 *       token {@code roles} and {@code name}. OIDC RP-initiated logout ({@code /connect/logout}) ends their session.</li>
 * </ul>
 * Only the auto-configurations it needs are imported, to keep the launcher small.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class
})
public class IssuerConfiguration {

    static final String ROLES_SETTING = "pledge.roles";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                // a person not signed in yet (a browser asking for HTML) goes to the login form
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .headers(IssuerConfiguration::strictHeaders)
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        // the login form (Spring Security's own page, CSRF-protected) and health; nothing else
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/health", "/error", "/default-ui.css").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.permitAll())
                .headers(IssuerConfiguration::strictHeaders);
        return http.build();
    }

    /**
     * No script, style or image from elsewhere, no framing. No {@code form-action}: the login form's answer redirects
     * to the console (Chromium applies {@code form-action} to the redirect chain).
     */
    private static void strictHeaders(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /** The people who sign in to the console, with their passwords and roles. */
    @Bean
    UserDetailsService people(IssuerServer.Settings settings) {
        List<UserDetails> users = new ArrayList<>();
        for (LocalPeople.Person person : LocalPeople.PEOPLE.values()) {
            users.add(User.withUsername(person.user())
                    .password("{noop}" + settings.passwords().get(person.user()))
                    .roles(person.roles().toArray(String[]::new))
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    RegisteredClientRepository registeredClients(IssuerServer.Settings settings) {
        List<RegisteredClient> clients = new ArrayList<>();
        for (Map.Entry<String, List<String>> client : LocalClients.ROLES.entrySet()) {
            String id = client.getKey();
            clients.add(RegisteredClient.withId(id)
                    .clientId(id)
                    .clientName(id)
                    .clientSecret("{noop}" + settings.secrets().get(id))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .clientSettings(ClientSettings.builder().setting(ROLES_SETTING, client.getValue()).build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.tokenTtl()).build())
                    .build());
        }
        clients.add(console(settings));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The console: authorization code with PKCE required, refresh tokens, no consent screen (it is our own). */
    private static RegisteredClient console(IssuerServer.Settings settings) {
        RegisteredClient.Builder console = RegisteredClient.withId(IssuerServer.CONSOLE_CLIENT)
                .clientId(IssuerServer.CONSOLE_CLIENT)
                .clientName("Pledge console")
                .clientSecret("{noop}" + settings.secrets().get(IssuerServer.CONSOLE_CLIENT))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(10))
                        .refreshTokenTimeToLive(Duration.ofHours(8))
                        .reuseRefreshTokens(false)
                        .build());
        for (String uri : settings.consoleUris()) {
            console.redirectUri(uri + "/login/oauth2/code/pledge").postLogoutRedirectUri(uri + "/signed-out");
        }
        return console.build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IssuerServer.Settings settings) throws IOException {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(settings.keyDir())));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerServer.Settings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> pledgeClaims(IssuerServer.Settings settings) {
        return context -> {
            LocalPeople.Person person = LocalPeople.PEOPLE.get(context.getPrincipal().getName());
            boolean personal = person != null
                    && !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
            if (personal && OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                // a person signed in at the console: sub is the user name (the default), azp the console
                context.getClaims()
                        .audience(List.of(settings.audience()))
                        .claim("roles", person.roles())
                        .claim("azp", context.getRegisteredClient().getClientId());
            } else if (personal && OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().claim("roles", person.roles()).claim("name", person.name());
            } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                List<String> roles = context.getRegisteredClient().getClientSettings().getSetting(ROLES_SETTING);
                context.getClaims()
                        .audience(List.of(settings.audience()))
                        .claim("roles", roles == null ? List.of() : roles)
                        // the authorised party: services record it as the command's channel (event metadata)
                        .claim("azp", context.getRegisteredClient().getClientId());
            }
        };
    }

    @RestController
    static class HealthController {
        @GetMapping("/health")
        Map<String, String> health() {
            return Map.of("status", "UP");
        }
    }
}
