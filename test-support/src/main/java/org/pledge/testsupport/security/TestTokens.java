package org.pledge.testsupport.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Mints JWTs for tests, signed with an RSA key whose public half is served as a JWK set over HTTP
 * from this JVM (one server per JVM), or by a real issuer using the same key when the class path offers a
 * {@link TokenIssuer} (system-tests: the local issuer the console's browser tests sign in at). Also mints the bad
 * tokens a resource server must refuse.
 */
public final class TestTokens {

    public static final String AUDIENCE = "pledge";
    public static final String ROLES_CLAIM = "roles";
    private static volatile TestTokens instance;

    private final RSAKey signingKey;
    private final RSAKey strangerKey;
    private final HttpServer server;
    private final String issuer;

    private TestTokens() {
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).generate();
            strangerKey = new RSAKeyGenerator(2048).keyID("stranger").keyUse(KeyUse.SIGNATURE).generate();
            java.util.Optional<TokenIssuer> external = java.util.ServiceLoader.load(TokenIssuer.class).findFirst();
            if (external.isPresent()) {
                server = null;
                issuer = external.get().start(signingKey);
                return;
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            issuer = "http://localhost:" + server.getAddress().getPort();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestTokens get() {
        TestTokens current = instance;
        if (current == null) {
            synchronized (TestTokens.class) {
                current = instance;
                if (current == null) {
                    current = new TestTokens();
                    instance = current;
                }
            }
        }
        return current;
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return AUDIENCE;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** A valid token for {@code subject} with {@code roles}, valid for ten minutes. */
    public String token(String subject, String... roles) {
        return sign(signingKey, claims(subject, issuer, Instant.now(), Duration.ofMinutes(10), roles));
    }

    /**
     * A token for {@code subject} with {@code roles}, issued at {@code issuedAt} and valid for ten minutes from then:
     * for a service whose clock a test moved (its token validation reads that clock).
     */
    public String tokenAt(Instant issuedAt, String subject, String... roles) {
        return sign(signingKey, claims(subject, issuer, issuedAt, Duration.ofMinutes(10), roles));
    }

    /** A token for one of the roles, with the role's name as subject. */
    public String tokenFor(String role) {
        return token(role, role);
    }

    public String expiredToken(String subject, String... roles) {
        return sign(signingKey, claims(subject, issuer, Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(10), roles));
    }

    public String tokenFromOtherIssuer(String subject, String... roles) {
        return sign(signingKey, claims(subject, "http://evil.example", Instant.now(), Duration.ofMinutes(10), roles));
    }

    public String tokenForOtherAudience(String subject, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(subject, issuer, Instant.now(), Duration.ofMinutes(10), roles))
                .audience("someone-else").build();
        return sign(signingKey, claims);
    }

    /** {@code alg: none}: no signature at all. */
    public String unsignedToken(String subject, String... roles) {
        return new PlainJWT(claims(subject, issuer, Instant.now(), Duration.ofMinutes(10), roles)).serialize();
    }

    /** Signed with a key the JWK set does not contain. */
    public String tokenSignedWithUnknownKey(String subject, String... roles) {
        return sign(strangerKey, claims(subject, issuer, Instant.now(), Duration.ofMinutes(10), roles));
    }

    /** HS256 with the public modulus as secret: the classic algorithm-confusion attack. */
    public String hmacToken(String subject, String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID()).build(),
                    claims(subject, issuer, Instant.now(), Duration.ofMinutes(10), roles));
            byte[] secret = signingKey.toRSAPublicKey().getModulus().toByteArray();
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String subject, String issuer, Instant issuedAt, Duration validity, String... roles) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validity)))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", subject)
                .claim(ROLES_CLAIM, List.of(roles))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
