package org.pledge.notification.contact.api;

/**
 * How to reach one data subject now, as the sending side needs it: revealed, or {@code erased} (then nothing but the
 * subject is known, and nothing is sent). PERSONAL DATA: name and the contact points.
 *
 * @param language         the BCP 47 tag the client wants to be told in (their own preference, else their newest case's); may be null
 * @param preferredChannel {@code EMAIL}, {@code SMS} or {@code LETTER}; may be null
 */
public record ContactPoints(String subjectRef, boolean erased, String name, String email, String phone, String postalAddress,
                            String language, String preferredChannel) {

    public static ContactPoints erased(String subjectRef) {
        return new ContactPoints(subjectRef, true, null, null, null, null, null, null);
    }

    /** No personal data in a log line or exception message. */
    @Override
    public String toString() {
        return "ContactPoints[" + subjectRef + (erased ? ", erased]" : "]");
    }
}
