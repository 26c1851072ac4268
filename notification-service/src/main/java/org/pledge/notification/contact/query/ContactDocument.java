package org.pledge.notification.contact.query;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.platform.readmodel.RecordFields;

/**
 * One contact in {@code contacts}, per data subject, exactly as stored (the driver's record codec). The personal data
 * ({@code name}, {@code email}, {@code phone}, {@code postalAddress}) is stored as the platform's
 * {@code PersonalDataCipher} protects it: encrypted under the subject's key, or {@code "[erased]"} once the subject is
 * erased; {@link Contacts} reveals it on reading. So a copy of the collection shows no personal data, and a write that
 * raced an erasure holds only what nobody can read any more.
 *
 * @param subjectRef       the data subject (the applicant's reference)
 * @param language         the language the newest case stated (not necessarily the one in force: see {@code Contacts})
 * @param preferredChannel the channel the newest case stated
 * @param caseId           the case whose submission stated it
 * @param submittedAt      when that case was submitted
 * @param recordedAt       when this service recorded it
 * @param statedLanguage   the language of the client's own preference (the preferences API), null when none was set
 * @param statedChannel    the channel of that preference
 * @param statedAt         when that preference was set
 * @param seq              the sequence number of the contact's last event applied
 */
public record ContactDocument(@BsonId String subjectRef, String name, String email, String phone, String postalAddress,
                              String language, String preferredChannel, String caseId, Instant submittedAt, Instant recordedAt,
                              String statedLanguage, String statedChannel, Instant statedAt, long seq) {

    private static final RecordFields FIELDS = RecordFields.of(ContactDocument.class);
    static final String ID = FIELDS.name("subjectRef");
    static final String NAME = FIELDS.name("name");
    static final String EMAIL = FIELDS.name("email");
    static final String PHONE = FIELDS.name("phone");
    static final String POSTAL_ADDRESS = FIELDS.name("postalAddress");
    static final String SEQ = FIELDS.name("seq");
}
