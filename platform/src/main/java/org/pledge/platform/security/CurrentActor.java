package org.pledge.platform.security;

import java.util.List;
import java.util.Optional;

import org.pledge.platform.web.CorrelationId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is acting in the current request.
 *
 * @param subject       the token's {@code sub}
 * @param roles         role names without the {@code ROLE_} prefix
 * @param client        the OAuth client acting: the {@code azp} (authorised party) claim, else {@code client_id}, else
 *                      the older {@code channel} claim; may be null
 * @param correlationId the request's {@code X-Correlation-Id}; may be null outside a request
 */
public record CurrentActor(String subject, List<String> roles, String client, String correlationId) {

    public static Optional<CurrentActor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt) || !jwt.isAuthenticated()) {
            return Optional.empty();
        }
        List<String> roles = jwt.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .toList();
        String client = jwt.getToken().getClaimAsString("azp");
        if (client == null) {
            client = jwt.getToken().getClaimAsString("client_id");
        }
        if (client == null) {
            client = jwt.getToken().getClaimAsString("channel");
        }
        return Optional.of(new CurrentActor(jwt.getToken().getSubject(), roles, client,
                CorrelationId.current().orElse(null)));
    }
}
