package org.pledge.testsupport.security;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * A real issuer {@link TestTokens} can stand behind, found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.pledge.testsupport.security.TokenIssuer} on the test class path): system-tests' console
 * harness starts the local issuer with {@link TestTokens}' key, so that the tokens the tests mint and the tokens people
 * get when they sign in in a browser have one {@code iss}, one key and one JWK set. Without one (every other module),
 * {@link TestTokens} serves its JWK set itself.
 */
public interface TokenIssuer {

    /**
     * Starts the issuer signing with {@code signingKey} (its private half: the issuer signs people's tokens with it)
     * and returns its issuer URI, e.g. {@code http://localhost:41234}; its JWK set is at {@code <issuer>/oauth2/jwks}.
     */
    String start(RSAKey signingKey);
}
