package org.pledge.local.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.local.Http;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IssuerIT {

    static final HttpClient http = HttpClient.newHttpClient();
    static final Map<String, String> ENV = Map.of("PLEDGE_SECRET_AUDITOR", "from-the-environment");

    @TempDir
    static Path dir;
    static IssuerServer issuer;

    @BeforeAll
    static void start() {
        issuer = IssuerServer.start(IssuerServer.Settings.of(Http.freePort(), dir.resolve("issuer"), ENV::get));
    }

    @AfterAll
    static void stop() {
        if (issuer != null) {
            issuer.close();
        }
    }

    static HttpResponse<String> token(IssuerServer server, String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(server.tokenUri()))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String accessToken(IssuerServer server, String client, String secret) throws Exception {
        HttpResponse<String> response = token(server, client, secret);
        assertThat(response.statusCode()).as("token for %s: %s", client, response.body()).isEqualTo(200);
        JsonNode json = Http.JSON.readTree(response.body());
        assertThat(json.get("token_type").asText()).isEqualToIgnoringCase("Bearer");
        return json.get("access_token").asText();
    }

    @Test
    void everyClient_getsATokenWithItsRolesAudienceIssuerAndSubject_thatVerifiesAgainstTheJwks() throws Exception {
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        Map<String, List<String>> expected = Map.of(
                "channel", List.of("channel"), "caseworker", List.of("caseworker"), "operations", List.of("operations"),
                "finance-1", List.of("finance"), "finance-2", List.of("finance"), "auditor", List.of("auditor"),
                "admin", List.of("admin"));
        assertThat(LocalClients.ROLES).isEqualTo(expected);

        for (String client : expected.keySet()) {
            String secret = client.equals("auditor") ? "from-the-environment" : client + "-secret";
            String token = accessToken(issuer, client, secret);

            Jwt jwt = decoder.decode(token); // checks the RS256 signature against the published keys
            assertThat(jwt.getHeaders().get("alg")).hasToString("RS256");
            assertThat(jwt.getClaimAsStringList("roles")).isEqualTo(expected.get(client));
            assertThat(jwt.getClaimAsString("azp")).isEqualTo(client);
            assertThat(jwt.getAudience()).containsExactly("pledge");
            assertThat(jwt.getIssuer()).hasToString(issuer.issuer());
            assertThat(jwt.getSubject()).isEqualTo(client);
        }
    }

    @Test
    void wrongSecretOrUnknownClient_gets401() throws Exception {
        assertThat(token(issuer, "caseworker", "wrong").statusCode()).isEqualTo(401);
        assertThat(token(issuer, "nobody", "nobody-secret").statusCode()).isEqualTo(401);
        // the default does not apply when the environment sets a secret
        assertThat(token(issuer, "auditor", "auditor-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void discoveryDocument_namesTheIssuerAndTheJwks() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(issuer.issuer() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = Http.JSON.readTree(response.body());
        assertThat(json.get("issuer").asText()).isEqualTo(issuer.issuer());
        assertThat(json.get("jwks_uri").asText()).isEqualTo(issuer.jwkSetUri());
    }

    @Test
    void signingKey_survivesARestart(@TempDir Path keys) throws Exception {
        int port = Http.freePort();
        String before;
        String kidBefore;
        try (IssuerServer first = IssuerServer.start(IssuerServer.Settings.of(port, keys, name -> null))) {
            before = accessToken(first, "finance-1", "finance-1-secret");
            kidBefore = SignedJWT.parse(before).getHeader().getKeyID();
        }
        assertThat(kidBefore).isNotBlank();
        assertThat(Files.exists(keys.resolve(SigningKey.FILE))).isTrue();

        try (IssuerServer second = IssuerServer.start(IssuerServer.Settings.of(port, keys, name -> null))) {
            String after = accessToken(second, "finance-2", "finance-2-secret");
            assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(kidBefore);
            // a token issued before the restart still verifies against the JWKS served after it
            Jwt old = NimbusJwtDecoder.withJwkSetUri(second.jwkSetUri()).build().decode(before);
            assertThat(old.getSubject()).isEqualTo("finance-1");
        }
    }
}
