package org.pledge.notification.contact.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;
import org.pledge.platform.api.PersonalData;

/**
 * Records how to reach data subject {@code subjectRef}, as a case submitted at {@code submittedAt} states it. The
 * newest submission wins: one submitted earlier than the contact's, or the same one again, changes nothing.
 *
 * @param caseId           the case whose submission states it
 * @param name             PERSONAL DATA, may be null
 * @param email            PERSONAL DATA, may be null
 * @param phone            PERSONAL DATA (E.164), may be null
 * @param postalAddress    PERSONAL DATA, may be null
 * @param language         BCP 47 tag the client wants to be told in, may be null
 * @param preferredChannel {@code EMAIL}, {@code SMS} or {@code LETTER}, may be null
 * @param submittedAt      when the case was submitted: orders the contact's versions
 * @param triggeredBy      the CloudEvent id of the event that stated it
 * @param recordedAt       now, from the caller's injected clock
 */
public record RecordContactCommand(@CommandTarget String contactId, String subjectRef, String caseId,
                                   @PersonalData(subject = "subjectRef") String name,
                                   @PersonalData(subject = "subjectRef") String email,
                                   @PersonalData(subject = "subjectRef") String phone,
                                   @PersonalData(subject = "subjectRef") String postalAddress,
                                   String language, String preferredChannel, Instant submittedAt, String triggeredBy,
                                   Instant recordedAt) {

    public static RecordContactCommand of(String subjectRef, String caseId, String name, String email, String phone,
                                          String postalAddress, String language, String preferredChannel, Instant submittedAt,
                                          String triggeredBy, Instant recordedAt) {
        return new RecordContactCommand(ContactIds.of(subjectRef), subjectRef, caseId, name, email, phone, postalAddress, language,
                preferredChannel, submittedAt, triggeredBy, recordedAt);
    }

    /** No personal data in a log line or exception message: only which contact. */
    @Override
    public String toString() {
        return "RecordContactCommand[" + contactId + ", case " + caseId + "]";
    }
}
