package org.pledge.notification.contact.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/**
 * Data subject {@code subjectRef} wants to be told in {@code language} on {@code preferredChannel}, as stated at
 * {@code statedAt} through the preferences API (who stated it is in the event's metadata). Not personal data: a
 * language and a channel. It holds until a case submitted after {@code statedAt} states another language or channel.
 */
@EventRevision("1")
public record ContactPreferencesSetEvent(String contactId, String subjectRef, String language, String preferredChannel,
                                         Instant statedAt) {
}
