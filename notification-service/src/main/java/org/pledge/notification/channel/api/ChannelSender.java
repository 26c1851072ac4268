package org.pledge.notification.channel.api;

/**
 * Sends on one channel, behind the provider's rate limit, time limit, retry and circuit breaker. Never throws for a
 * provider's failure: it answers a {@link SendOutcome}. Sending the same {@link OutboundMessage#reference()} again must
 * not give the client a second message where the provider lets us know (SMS: look-up by reference first; letters: the
 * same file).
 */
public interface ChannelSender {

    Channel channel();

    SendOutcome send(OutboundMessage message);
}
