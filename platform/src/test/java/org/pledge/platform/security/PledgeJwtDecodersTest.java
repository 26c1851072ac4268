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
            List.of("RS256"), "roles", Duration.ofSeconds(30), true), Clock.systemUTC());

    @Test
    void acceptsAValidToken() {
        Jwt jwt = decoder.decode(tokens.token("alice", "caseworker"));

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("caseworker");
    }

    @Test
    void rejectsExpiredToken() {
        assertThatThrownBy(() -> decoder.decode(tokens.expiredToken("alice", "caseworker")))
                .isInstanceOf(JwtException.class).hasMessageContaining("expired");
    }

    @Test
    void rejectsTokenFromOtherIssuer() {
        assertThatThrownBy(() -> decoder.decode(tokens.tokenFromOtherIssuer("alice", "caseworker")))
                .isInstanceOf(JwtException.class).hasMessageContaining("iss");
    }

    @Test
    void rejectsTokenForOtherAudience() {
        assertThatThrownBy(() -> decoder.decode(tokens.tokenForOtherAudience("alice", "caseworker")))
                .isInstanceOf(JwtException.class).hasMessageContaining("aud");
    }

    @Test
    void rejectsUnsignedToken() {
        assertThatThrownBy(() -> decoder.decode(tokens.unsignedToken("alice", "admin")))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsTokenSignedWithUnknownKey() {
        assertThatThrownBy(() -> decoder.decode(tokens.tokenSignedWithUnknownKey("alice", "admin")))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsHmacTokenMadeWithThePublicKey() {
        assertThatThrownBy(() -> decoder.decode(tokens.hmacToken("alice", "admin")))
                .isInstanceOf(JwtException.class);
    }
}
