package org.pledge.notification.channel.api;

/**
 * One rendered message to send on one channel. PERSONAL DATA: {@code recipientName} and {@code address} (an email
 * address, an E.164 phone number, or a postal address with lines separated by LF), and the rendered text may name the
 * client; none of it goes into a log line, an exception message or a stored event in the clear.
 *
 * @param reference        our reference of this message: unique per (notification, channel), stable across retries and
 *                         restarts; the provider's idempotency key, the SMS look-up key, the email's Message-ID local
 *                         part and the letter's file name
 * @param notificationId   the notification it belongs to
 * @param language         the BCP 47 tag the text is written in
 * @param subject          the email subject or the letter's heading; null for SMS
 * @param body             the plain text
 * @param mayHaveBeenSent  an earlier attempt with this reference started and its outcome is unknown (a time-out, or a
 *                         restart in the middle of a send): a sender that can look the message up does so before sending
 */
public record OutboundMessage(String reference, String notificationId, Channel channel, String language, String recipientName,
                             String address, String subject, String body, boolean mayHaveBeenSent) {

    /** No personal data in a log line or exception message. */
    @Override
    public String toString() {
        return "OutboundMessage[" + reference + ", " + channel + "]";
    }
}
