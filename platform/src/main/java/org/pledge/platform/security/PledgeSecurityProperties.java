package org.pledge.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.security.*}: the OAuth2 resource server.
 *
 * @param issuerUri   the expected {@code iss} claim
 * @param jwkSetUri   where the issuer's public keys are
 * @param audiences   accepted {@code aud} values; a token must carry at least one
 * @param algorithms  accepted JWS algorithms (allow-list); {@code none} and HMAC are never accepted unless listed
 * @param rolesClaim  the claim holding role names ({@code channel}, {@code caseworker}, ...), mapped to
 *                    {@code ROLE_<name>}
 * @param clockSkew   tolerance on {@code exp}/{@code nbf}
 * @param publicApiDocs whether {@code /v3/api-docs/**} and {@code /swagger-ui/**} are readable without a token
 * @param publicPrometheus whether {@code /actuator/prometheus} is readable without a token (off by default: a Prometheus
 *                    server scrapes with no OIDC token; the Helm chart turns it on with its ServiceMonitor and keeps the
 *                    port to Prometheus and the console by a NetworkPolicy, never routing {@code /actuator} outside)
 */
@ConfigurationProperties("pledge.security")
public record PledgeSecurityProperties(
        URI issuerUri,
        URI jwkSetUri,
        @DefaultValue List<String> audiences,
        @DefaultValue("RS256") List<String> algorithms,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("true") boolean publicApiDocs,
        @DefaultValue("false") boolean publicPrometheus) {
}
