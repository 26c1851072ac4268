package org.pledge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class PledgeJwtDecodersTest {

    private final TestTokens tokens = TestTokens.get();
    private final JwtDecoder decoder = PledgeJwtDecoders.create(new PledgeSecurityProperties(
            URI.create(tokens.issuer()), URI.create(tokens.jwkSetUri()), List.of(tokens.audience()),
            List.of("RS256"), "roles", Duration.ofSeconds(30), true, false), Clock.systemUTC());

    @Test
    void decoder_acceptsAValidToken() {
        Jwt jwt = decoder.decode(tokens.token("alice", "caseworker"));

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("caseworker");
    }

    @Test
    void decoder_rejects_whenTheTokenExpired() {
        assertThatThrownBy(() -> decoder.decode(tokens.expiredToken("alice", "caseworker")))
                .isInstanceOf(JwtException.class).hasMessageContaining("expired");
    }

    @Test
    void decoder_rejects_whenTheTokenIsFromAnotherIssuer() {
        assertThatThrownBy(() -> decoder.decode(tokens.tokenFromOtherIssuer("alice", "caseworker")))
                .isInstanceOf(JwtException.class).hasMessageContaining("iss");
    }

    @Test
    void decoder_rejects_whenTheTokenIsForAnotherAudience() {
        assertThatThrownBy(() -> decoder.decode(tokens.tokenForOtherAudience("alice", "caseworker")))
                .isInstanceOf(JwtException.class).hasMessageContaining("aud");
    }

    @Test
    void decoder_rejects_whenTheTokenIsUnsigned() {
        assertThatThrownBy(() -> decoder.decode(tokens.unsignedToken("alice", "admin")))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void decoder_rejects_whenTheTokenIsSignedWithAnUnknownKey() {
        assertThatThrownBy(() -> decoder.decode(tokens.tokenSignedWithUnknownKey("alice", "admin")))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void decoder_rejects_whenTheTokenIsAnHmacMadeWithThePublicKey() {
        assertThatThrownBy(() -> decoder.decode(tokens.hmacToken("alice", "admin")))
                .isInstanceOf(JwtException.class);
    }
}
