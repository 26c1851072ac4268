package org.pledge.notification.contact.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * A client's own statement of how they want to be told (a channel or a caseworker states it for them): the language
 * and the channel, both required. It is one statement among the contact's: the newest one wins, field by field, against
 * the submissions of the client's cases (see {@code Contact}). Stating what is already in force changes nothing, so a
 * retried PUT stores nothing.
 *
 * @param language         a well-formed BCP 47 tag (the web layer also checks that the service writes in it),
 *                         normalised as {@link java.util.Locale#toLanguageTag()} writes it
 * @param preferredChannel {@code EMAIL}, {@code SMS} or {@code LETTER}; the contact must have a contact point for it
 * @param statedAt         now, from the caller's injected clock: orders it against the cases' submission instants
 */
public record SetContactPreferencesCommand(@CommandTarget String contactId, String subjectRef, String language,
                                           String preferredChannel, Instant statedAt) {

    public static SetContactPreferencesCommand of(String subjectRef, String language, String preferredChannel, Instant statedAt) {
        return new SetContactPreferencesCommand(ContactIds.of(subjectRef), subjectRef, language, preferredChannel, statedAt);
    }
}
