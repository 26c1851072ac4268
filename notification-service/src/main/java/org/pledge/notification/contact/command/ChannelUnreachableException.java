package org.pledge.notification.contact.command;

import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;

/** A preference for a channel the contact has no contact point on (no email address, phone number or postal address). */
class ChannelUnreachableException extends PledgeException {

    ChannelUnreachableException(String channel) {
        super("contact.channel-unreachable", HttpStatus.UNPROCESSABLE_ENTITY, "The client has no contact point for " + channel
                + ": their newest case gave none. Choose a channel they can be reached on.");
    }
}
