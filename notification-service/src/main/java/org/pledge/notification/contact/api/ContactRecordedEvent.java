package org.pledge.notification.contact.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;
import org.pledge.platform.api.PersonalData;

/**
 * How to reach data subject {@code subjectRef}, as the case {@code caseId} submitted at {@code submittedAt} stated it;
 * it replaces what the contact held. PERSONAL DATA: {@code name} and the contact points, marked {@link PersonalData},
 * so the event store holds them encrypted under the subject's key, and they read as {@link PersonalData#ERASED} once
 * the subject is erased (language and channel are preferences, not personal data).
 *
 * @param triggeredBy the CloudEvent id of the event that stated it
 * @param recordedAt  when this service recorded it
 */
@EventRevision("1")
public record ContactRecordedEvent(String contactId, String subjectRef, String caseId,
                                   @PersonalData(subject = "subjectRef") String name,
                                   @PersonalData(subject = "subjectRef") String email,
                                   @PersonalData(subject = "subjectRef") String phone,
                                   @PersonalData(subject = "subjectRef") String postalAddress,
                                   String language, String preferredChannel, Instant submittedAt, String triggeredBy,
                                   Instant recordedAt) {

    /** No personal data in a log line or exception message: only which contact. */
    @Override
    public String toString() {
        return "ContactRecordedEvent[" + contactId + ", case " + caseId + "]";
    }
}
