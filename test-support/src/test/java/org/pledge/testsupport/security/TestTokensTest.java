package org.pledge.testsupport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class TestTokensTest {

    private final TestTokens tokens = TestTokens.get();

    private JWKSet servedKeys() throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokens.jwkSetUri())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JWKSet.parse(body);
    }

    @Test
    void token_verifiesAgainstTheServedKeySet_andCarriesRolesIssuerAndAudience() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.token("finance-1", "finance"));
        RSAKey key = (RSAKey) servedKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringListClaim(TestTokens.ROLES_CLAIM)).isEqualTo(List.of("finance"));
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(tokens.issuer());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("pledge");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("finance-1");
    }

    @Test
    void badTokens_areBadInTheWayTheyClaim() throws Exception {
        assertThat(JWTParser.parse(tokens.unsignedToken("x", "admin"))).isInstanceOf(PlainJWT.class);
        SignedJWT stranger = SignedJWT.parse(tokens.tokenSignedWithUnknownKey("x", "admin"));
        assertThat(servedKeys().getKeyByKeyId(stranger.getHeader().getKeyID())).isNull();
        assertThat(SignedJWT.parse(tokens.expiredToken("x", "admin")).getJWTClaimsSet().getExpirationTime())
                .isBefore(new java.util.Date());
        assertThat(SignedJWT.parse(tokens.tokenFromOtherIssuer("x", "admin")).getJWTClaimsSet().getIssuer())
                .isNotEqualTo(tokens.issuer());
        assertThatThrownBy(() -> SignedJWT.parse(tokens.token("x")).getJWTClaimsSet().getStringListClaim("roles").get(0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
