package org.pledge.notification.contact.query;

import java.time.Instant;

/**
 * A contact as read: revealed, or {@code erased} (then only the subject is known: its data subject was erased, and
 * nothing of its personal data can be read again).
 */
public record ContactReading(String subjectRef, boolean erased, String name, String email, String phone, String postalAddress,
                             String language, String preferredChannel, String caseId, Instant submittedAt, Instant recordedAt,
                             long version) {

    static ContactReading erased(String subjectRef) {
        return new ContactReading(subjectRef, true, null, null, null, null, null, null, null, null, null, -1);
    }

    /** No personal data in a log line or exception message. */
    @Override
    public String toString() {
        return "ContactReading[" + subjectRef + (erased ? ", erased]" : "]");
    }
}
