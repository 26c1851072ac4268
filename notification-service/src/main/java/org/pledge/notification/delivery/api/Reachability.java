package org.pledge.notification.delivery.api;

import java.util.Set;

import org.pledge.notification.channel.api.Channel;

/**
 * What the contact directory says about a recipient at the moment of an attempt, without any personal data: whether a
 * contact exists, is erased, and on which channels it has a contact point.
 *
 * @param language         the client's language, may be null
 * @param preferredChannel the client's preferred channel, may be null
 */
public record Reachability(State state, String language, Channel preferredChannel, Set<Channel> channels) {

    public enum State { FOUND, NO_CONTACT, ERASED }

    public static Reachability noContact() {
        return new Reachability(State.NO_CONTACT, null, null, Set.of());
    }

    public static Reachability erased() {
        return new Reachability(State.ERASED, null, null, Set.of());
    }
}
