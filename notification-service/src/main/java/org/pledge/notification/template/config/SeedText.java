package org.pledge.notification.template.config;

import org.pledge.notification.channel.api.Channel;

/**
 * A seeded text file read as a variant: for EMAIL and LETTER the first line is {@code Subject: <subject>} and the body
 * follows (after a blank line); an SMS file is all body.
 */
public record SeedText(String subject, String body) {

    public static final String SUBJECT = "Subject:";

    /** The file's variant, or null when an EMAIL or LETTER file has no subject line. */
    public static SeedText parse(Channel channel, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (channel == Channel.SMS) {
            return new SeedText(null, normalized);
        }
        int end = normalized.indexOf('\n');
        String first = end < 0 ? normalized : normalized.substring(0, end);
        if (!first.startsWith(SUBJECT)) {
            return null;
        }
        return new SeedText(first.substring(SUBJECT.length()).strip(), end < 0 ? "" : normalized.substring(end + 1));
    }
}
