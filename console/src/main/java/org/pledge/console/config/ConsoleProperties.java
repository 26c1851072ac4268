package org.pledge.console.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.console.*}: where the services are, the zone dates are shown in, and how often live pages look again.
 *
 * @param services     base URI of each service's API
 * @param zone         the zone dates and times are shown in (the services' business zone)
 * @param liveInterval how often a live page's server-sent-event stream asks the service again for changes
 */
@ConfigurationProperties("pledge.console")
public record ConsoleProperties(Services services,
                                @DefaultValue("America/Toronto") ZoneId zone,
                                @DefaultValue("1s") Duration liveInterval) {

    /** Base URIs of the four services, e.g. {@code http://localhost:8081}. */
    public record Services(@DefaultValue("http://localhost:8081") URI caseService,
                           @DefaultValue("http://localhost:8082") URI feedbackService,
                           @DefaultValue("http://localhost:8083") URI notificationService,
                           @DefaultValue("http://localhost:8084") URI guaranteeService) {
    }
}
