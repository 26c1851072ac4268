package org.pledge.platform.web.openapi;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pledge.openapi.*}: what the platform needs to describe a service's API (defaults in
 * {@code pledge-defaults.properties}).
 *
 * @param roles     every role a token can carry (the {@code roles} claim). Each operation is documented with the ones
 *                  the service's security filter chain admits, found by asking the chain itself for each of these
 * @param serverUrl the one server the description names; the default {@code /} is relative: the host that serves the
 *                  description. Set an absolute URL where clients reach the service through a gateway
 */
@ConfigurationProperties("pledge.openapi")
public record PledgeOpenApiProperties(
        List<String> roles,
        String serverUrl) {
}
