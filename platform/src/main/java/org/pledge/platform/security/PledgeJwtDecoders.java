package org.pledge.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The platform's JWT decoder: keys from the JWK set URI, signatures only with the allowed algorithms (so
 * {@code alg: none} and HS256 tokens are rejected), and validators for issuer, audience and timestamps.
 */
public final class PledgeJwtDecoders {

    private PledgeJwtDecoders() {
    }

    public static NimbusJwtDecoder create(PledgeSecurityProperties properties, Clock clock) {
        if (properties.jwkSetUri() == null) {
            throw new IllegalStateException("pledge.security.jwk-set-uri is required");
        }
        if (properties.issuerUri() == null) {
            throw new IllegalStateException("pledge.security.issuer-uri is required");
        }
        if (properties.audiences().isEmpty()) {
            throw new IllegalStateException("pledge.security.audiences must name at least one audience");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                .jwsAlgorithms(algorithms -> properties.algorithms().forEach(name -> {
                    SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
                    if (algorithm == null) {
                        throw new IllegalStateException("pledge.security.algorithms: unknown or not asymmetric: " + name);
                    }
                    algorithms.add(algorithm);
                }))
                .build();
        decoder.setJwtValidator(validator(properties, clock));
        return decoder;
    }

    public static OAuth2TokenValidator<Jwt> validator(PledgeSecurityProperties properties, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        List<String> audiences = properties.audiences();
        JwtClaimValidator<Object> audience = new JwtClaimValidator<>(JwtClaimNames.AUD, aud -> {
            List<String> values = new ArrayList<>();
            if (aud instanceof String s) {
                values.add(s);
            } else if (aud instanceof java.util.Collection<?> c) {
                c.forEach(v -> values.add(String.valueOf(v)));
            }
            return values.stream().anyMatch(audiences::contains);
        });
        JwtClaimValidator<Object> expiresPresent = new JwtClaimValidator<>(JwtClaimNames.EXP, exp -> exp != null);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                expiresPresent,
                new JwtIssuerValidator(properties.issuerUri().toString()),
                audience));
    }
}
