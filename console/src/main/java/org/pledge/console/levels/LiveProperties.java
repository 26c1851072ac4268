package org.pledge.console.levels;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.console.live.*}: the bounds of live pages' server-sent-event streams ({@link LiveStreams}). How often a
 * stream asks the service again is {@code pledge.console.live-interval}.
 *
 * @param streamsPerSession at most this many open streams per signed-in session (tabs); one more is refused with 429
 * @param pollers           threads shared by all streams for asking the services (each stream asks at most once at a
 *                          time; a stream whose previous question is still out skips a tick)
 * @param heartbeat         a stream with nothing to send for this long sends an SSE comment, so that a browser that has
 *                          gone away is noticed and its stream ended
 * @param maxAge            a stream ends after this long at the latest (the browser reconnects, with a token got afresh)
 */
@ConfigurationProperties("pledge.console.live")
public record LiveProperties(@DefaultValue("4") int streamsPerSession,
                             @DefaultValue("4") int pollers,
                             @DefaultValue("15s") Duration heartbeat,
                             @DefaultValue("30m") Duration maxAge) {
}
