package org.pledge.platform.privacy;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.platform.readmodel.RecordFields;

/**
 * A {@code data_subject_keys} document as stored, one per data subject ({@code _id} = the subject reference).
 * <ul>
 *   <li>{@code ACTIVE}: {@code keyId}, {@code wrappedKey} (base64url of {@code iv | AES-GCM(master key, data key) | tag}),
 *       {@code masterKeyId} (which master key wrapped it), {@code createdAt}.</li>
 *   <li>{@code ERASED}, the tombstone: no key at all, and the erasure as first recorded ({@code erasedAt},
 *       {@code reason}, {@code erasedBy}, {@code requestedThrough}), {@code completed} once the read models are scrubbed
 *       and the erasure event is stored. A tombstone is never replaced by a key: what is written for an erased
 *       subject is stored as {@code PersonalData.ERASED}.</li>
 * </ul>
 */
public record DataSubjectKeyDocument(@BsonId String subjectRef, String state, String keyId, String wrappedKey,
                                     String masterKeyId, Instant createdAt, Instant erasedAt, String reason,
                                     String erasedBy, String requestedThrough, Boolean completed) {

    static final String ACTIVE = "ACTIVE";
    static final String ERASED = "ERASED";

    private static final RecordFields FIELDS = RecordFields.of(DataSubjectKeyDocument.class);
    static final String ID = FIELDS.name("subjectRef");
    static final String STATE = FIELDS.name("state");
    static final String KEY_ID = FIELDS.name("keyId");
    static final String WRAPPED_KEY = FIELDS.name("wrappedKey");
    static final String MASTER_KEY_ID = FIELDS.name("masterKeyId");
    static final String COMPLETED = FIELDS.name("completed");

    static DataSubjectKeyDocument active(String subjectRef, String keyId, String wrappedKey, String masterKeyId, Instant createdAt) {
        return new DataSubjectKeyDocument(subjectRef, ACTIVE, keyId, wrappedKey, masterKeyId, createdAt, null, null, null, null, null);
    }

    static DataSubjectKeyDocument tombstone(String subjectRef, Instant erasedAt, String reason, String erasedBy,
                                            String requestedThrough) {
        return new DataSubjectKeyDocument(subjectRef, ERASED, null, null, null, null, erasedAt, reason, erasedBy,
                requestedThrough, false);
    }

    boolean erased() {
        return ERASED.equals(state);
    }

    ErasureRecord erasure() {
        return new ErasureRecord(subjectRef, erasedAt, reason, erasedBy, requestedThrough, Boolean.TRUE.equals(completed));
    }

    @Override
    public String toString() {
        return "DataSubjectKeyDocument[" + subjectRef + ", " + state + ", " + keyId + ", " + masterKeyId + "]"; // never the key
    }
}
