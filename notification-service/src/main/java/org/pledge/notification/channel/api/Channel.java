package org.pledge.notification.channel.api;

import java.util.List;

/** How a client is told. */
public enum Channel {
    EMAIL, SMS, LETTER;

    /**
     * The order of fallback: a notification starts on the client's preferred channel, then a permanent failure moves it
     * to the next of these it has not tried, skipping channels the client has no contact point for.
     */
    public static final List<Channel> FALLBACK_ORDER = List.of(EMAIL, SMS, LETTER);
}
