package org.pledge.console.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.pledge.console.config.ConsoleSecurity;
import org.pledge.console.services.Service;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's integration tests' one shared context: the real console (real security filter chain, real templates,
 * real {@code ServiceApis}) on a random port and through {@link MockMvc}, with one WireMock server standing in for
 * the four services and for the issuer's discovery document.
 * <ul>
 *   <li>Each service's base URI is {@code <wiremock>/<service-id>}: stub a case-service path with
 *       {@code SERVICES.stubFor(get(service(Service.CASE, "/cases/c-1")) ...)}.</li>
 *   <li>The issuer is {@code <wiremock>/issuer} ({@link #ISSUER}), its discovery document stubbed before the context
 *       starts (authorize, token, JWKS, end-session endpoints). No test needs a running issuer.</li>
 *   <li>{@link #signedInAs(String, String...)}: a person signed in with OIDC ({@code sub} = the user name, roles in the
 *       ID token as the issuer puts them, {@code ROLE_<role>} authorities) whose access token
 *       {@link #accessToken(String)} is what {@code ServiceApis} relays: assert
 *       {@code withHeader("Authorization", equalTo("Bearer " + accessToken("finance-1")))}.</li>
 * </ul>
 * Extend it, and add no {@code @MockBean}, properties or profiles of your own: every console IT shares one context.
 * Reset only your own stubs ({@link #resetServices()} keeps the issuer's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class ConsoleITSupport {

    /** The four services and the issuer's discovery document, on one WireMock server. */
    protected static final WireMockServer SERVICES = new WireMockServer(options().dynamicPort());

    /** The issuer's path on {@link #SERVICES}. */
    protected static final String ISSUER_PATH = "/issuer";

    /** The issuer URI the console is configured with. */
    protected static final String ISSUER;

    public static final Locale ENGLISH = Locale.forLanguageTag("en-CA");
    public static final Locale FRENCH = Locale.forLanguageTag("fr-CA");

    static {
        SERVICES.start();
        ISSUER = SERVICES.baseUrl() + ISSUER_PATH;
        stubIssuer();
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ClientRegistrationRepository registrations;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void servicesAndIssuer(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.provider.pledge.issuer-uri", () -> ISSUER);
        properties.add("pledge.console.services.case-service", () -> baseUri(Service.CASE));
        properties.add("pledge.console.services.feedback-service", () -> baseUri(Service.FEEDBACK));
        properties.add("pledge.console.services.notification-service", () -> baseUri(Service.NOTIFICATION));
        properties.add("pledge.console.services.guarantee-service", () -> baseUri(Service.GUARANTEE));
    }

    @BeforeEach
    void servicesAnswerOnlyWhatTheTestStubs() {
        resetServices();
    }

    /** The base URI the console calls {@code service} at: {@code <wiremock>/<service-id>}. */
    public static String baseUri(Service service) {
        return SERVICES.baseUrl() + "/" + service.id();
    }

    /** The WireMock path of {@code path} on {@code service}'s API: {@code /case-service/cases}. */
    public static String service(Service service, String path) {
        return "/" + service.id() + path;
    }

    /** Forgets every stub and request but the issuer's. */
    protected static void resetServices() {
        SERVICES.resetAll();
        stubIssuer();
    }

    /** The access token {@link #signedInAs} gives {@code user}, the one the console relays to the services. */
    public static String accessToken(String user) {
        return "it-access-token-of-" + user;
    }

    /**
     * {@code user} signed in at the issuer with {@code roles} (e.g. {@code signedInAs("finance-1", "finance")}): an
     * OIDC login whose ID token has {@code sub}, {@code name} and {@code roles}, and whose authorized client (the
     * tokens the console keeps server-side) has {@link #accessToken(String)}.
     */
    protected RequestPostProcessor signedInAs(String user, String... roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        Arrays.stream(roles).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        Instant now = Instant.now();
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken(user),
                now.minus(1, ChronoUnit.MINUTES), now.plus(1, ChronoUnit.HOURS));
        ClientRegistration registration = registrations.findByRegistrationId(ConsoleSecurity.REGISTRATION);
        RequestPostProcessor login = oidcLogin()
                .clientRegistration(registration)
                .idToken(idToken -> idToken.subject(user)
                        .issuer(ISSUER)
                        .claim("name", displayName(user))
                        .claim(ConsoleSecurity.ROLES_CLAIM, List.of(roles)))
                .authorities(authorities);
        RequestPostProcessor tokens = oauth2Client(ConsoleSecurity.REGISTRATION)
                .clientRegistration(registration)
                .principalName(user)
                .accessToken(token);
        return request -> tokens.postProcessRequest(login.postProcessRequest(request));
    }

    /** The name {@link #signedInAs} puts in the ID token: "Name of finance-1". */
    public static String displayName(String user) {
        return "Name of " + user;
    }

    private static void stubIssuer() {
        String discovery = """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                 "jwks_uri":"%1$s/oauth2/jwks","userinfo_endpoint":"%1$s/userinfo","end_session_endpoint":"%1$s/connect/logout",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"],
                 "grant_types_supported":["authorization_code","refresh_token"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"],"scopes_supported":["openid","profile"]}
                """.formatted(ISSUER);
        SERVICES.stubFor(get(urlPathEqualTo(ISSUER_PATH + "/.well-known/openid-configuration"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(discovery)));
        SERVICES.stubFor(get(urlPathEqualTo(ISSUER_PATH + "/oauth2/jwks"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"keys\":[]}")));
    }
}
