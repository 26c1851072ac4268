package org.pledge.local.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.local.Http;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The console's sign-in at the local issuer, with plain HTTP: authorization code + PKCE, the tokens' claims, logout. */
class IssuerPeopleIT {

    static final String CONSOLE = "http://localhost:8080";
    static final String REDIRECT = CONSOLE + "/login/oauth2/code/pledge";
    static final String VERIFIER = "a-code-verifier-that-is-long-enough-for-pkce-0123456789abcdef";

    @TempDir
    static Path dir;
    static IssuerServer issuer;

    @BeforeAll
    static void start() {
        Map<String, String> env = Map.of("PLEDGE_PASSWORD_FINANCE_2", "from-the-environment");
        issuer = IssuerServer.start(IssuerServer.Settings.of(Http.freePort(), dir.resolve("issuer"), env::get, List.of(CONSOLE)));
    }

    @AfterAll
    static void stop() {
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void person_signsInWithPkce_andGetsTokensWithRolesNameAndOwnSubject() throws Exception {
        Browser browser = new Browser();
        String code = browser.signIn("finance-1", "finance-1-password");

        JsonNode tokens = tokens(code, VERIFIER);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        Jwt access = decoder.decode(tokens.get("access_token").asText());
        assertThat(access.getSubject()).isEqualTo("finance-1");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("finance");
        assertThat(access.getAudience()).containsExactly("pledge");
        assertThat(access.getClaimAsString("azp")).isEqualTo("console");
        assertThat(access.getIssuer()).hasToString(issuer.issuer());
        Jwt id = decoder.decode(tokens.get("id_token").asText());
        assertThat(id.getSubject()).isEqualTo("finance-1");
        assertThat(id.getClaimAsString("name")).isEqualTo("Frances Finance");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("finance");
        assertThat(id.getClaimAsString("nonce")).isEqualTo("the-nonce");
        assertThat(tokens.get("refresh_token").asText()).isNotBlank();
    }

    @Test
    void twoFinancePeople_areToldApartBySubject_withPasswordFromEnvironment() throws Exception {
        String code = new Browser().signIn("finance-2", "from-the-environment");
        JWTClaimsSet claims = com.nimbusds.jwt.SignedJWT.parse(tokens(code, VERIFIER).get("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("finance-2");
        assertThat(claims.getStringListClaim("roles")).containsExactly("finance");
    }

    @Test
    void wrongPassword_isRefused_andNoCodeIsGiven() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> toLogin = browser.get(authorizeUri(challenge(VERIFIER)));
        assertThat(toLogin.statusCode()).isEqualTo(302);
        HttpResponse<String> refused = browser.postLogin("finance-1", "not-the-password");
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
        HttpResponse<String> again = browser.get(authorizeUri(challenge(VERIFIER)));
        assertThat(again.headers().firstValue("Location").orElseThrow()).doesNotContain("code=");
    }

    @Test
    void authorizationWithoutPkce_isRefused() throws Exception {
        Browser browser = new Browser();
        browser.get(authorizeUri(challenge(VERIFIER)));
        browser.postLogin("auditor", "auditor-password");
        HttpResponse<String> withoutPkce = browser.get(URI.create(issuer.authorizationUri()
                + "?response_type=code&client_id=console&scope=openid&state=s&redirect_uri=" + encode(REDIRECT)));
        String location = withoutPkce.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotContain("code=");
        assertThat(withoutPkce.statusCode() == 400 || location.contains("error=")).isTrue();
    }

    @Test
    void codeExchange_withWrongVerifier_isRefused() throws Exception {
        String code = new Browser().signIn("auditor", "auditor-password");
        HttpResponse<String> response = tokenResponse(code, "another-verifier-another-verifier-another-verifier-0123");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void logout_endsSessionAtIssuer_andReturnsToConsole() throws Exception {
        Browser browser = new Browser();
        String code = browser.signIn("operations", "operations-password");
        String idToken = tokens(code, VERIFIER).get("id_token").asText();

        HttpResponse<String> out = browser.get(URI.create(issuer.endSessionUri() + "?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + encode(CONSOLE + "/signed-out")));
        assertThat(out.headers().firstValue("Location")).hasValue(CONSOLE + "/signed-out");

        HttpResponse<String> again = browser.get(authorizeUri(challenge(VERIFIER)));
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void loginForm_hasLabelsCsrfAndStrictHeaders() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> form = browser.get(URI.create(issuer.issuer() + "/login"));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("lang=\"en\"").contains("<label for=\"username\"").contains("<label for=\"password\"")
                .contains("name=\"_csrf\"");
        assertThat(form.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(form.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(form.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    static URI authorizeUri(String challenge) {
        return URI.create(issuer.authorizationUri() + "?response_type=code&client_id=console&scope=" + encode("openid profile")
                + "&state=the-state&nonce=the-nonce&redirect_uri=" + encode(REDIRECT)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256");
    }

    static String challenge(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    static JsonNode tokens(String code, String verifier) throws Exception {
        HttpResponse<String> response = tokenResponse(code, verifier);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.JSON.readTree(response.body());
    }

    static HttpResponse<String> tokenResponse(String code, String verifier) throws Exception {
        String basic = Base64.getEncoder().encodeToString("console:console-secret".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + encode(code)
                                + "&redirect_uri=" + encode(REDIRECT) + "&code_verifier=" + verifier))
                        .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser's cookies and redirects, by hand: each answer is looked at before the next request. */
    static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(URI uri) throws Exception {
            return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postLogin(String user, String password) throws Exception {
            String form = get(URI.create(issuer.issuer() + "/login")).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form);
            assertThat(csrf.find()).as("the login form's CSRF token in %s", form).isTrue();
            return http.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password)
                            + "&_csrf=" + encode(csrf.group(1))))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Signs {@code user} in and returns the authorization code the console would receive. */
        String signIn(String user, String password) throws Exception {
            HttpResponse<String> toLogin = get(authorizeUri(challenge(VERIFIER)));
            assertThat(toLogin.statusCode()).isEqualTo(302);
            assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            HttpResponse<String> signedIn = postLogin(user, password);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            HttpResponse<String> back = get(URI.create(signedIn.headers().firstValue("Location").orElseThrow()));
            String location = back.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(REDIRECT + "?code=").contains("state=the-state");
            return java.net.URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        }
    }
}
