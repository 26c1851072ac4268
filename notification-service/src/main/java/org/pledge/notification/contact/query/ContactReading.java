package org.pledge.notification.contact.query;

import java.time.Instant;

import org.pledge.notification.contact.api.NewestStatement;

/**
 * A contact as read: revealed, or {@code erased} (then only the subject is known: its data subject was erased, and
 * nothing of its personal data can be read again). {@code language} and {@code preferredChannel} are those in force,
 * the newest statement of each ({@link NewestStatement}); {@code languageSource} and {@code channelSource} say whose
 * statement that is; {@code preferencesStatedAt} is when the client's own preference was set (null when never).
 */
public record ContactReading(String subjectRef, boolean erased, String name, String email, String phone, String postalAddress,
                             String language, String preferredChannel, String caseId, Instant submittedAt, Instant recordedAt,
                             NewestStatement.Source languageSource, NewestStatement.Source channelSource,
                             Instant preferencesStatedAt, long version) {

    static ContactReading erased(String subjectRef) {
        return new ContactReading(subjectRef, true, null, null, null, null, null, null, null, null, null, null, null, null, -1);
    }

    /** No personal data in a log line or exception message. */
    @Override
    public String toString() {
        return "ContactReading[" + subjectRef + (erased ? ", erased]" : "]");
    }
}
