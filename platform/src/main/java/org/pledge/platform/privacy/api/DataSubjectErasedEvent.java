package org.pledge.platform.privacy.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/**
 * A data subject was erased in this service: its key is deleted (a tombstone is left), the read models that held its
 * data were scrubbed, and what is stored for it from now on is {@code PersonalData.ERASED}. Stored in the service's
 * own event store (aggregate type {@value #AGGREGATE_TYPE}, one event per subject, sequence 0), so the history says
 * who erased whom, when and why. It holds no personal data: the subject reference is the channel's opaque reference.
 *
 * @param subjectRef       the data subject's reference
 * @param reason           an {@link ErasureReason} code
 * @param erasedAt         when this service deleted the key
 * @param erasedBy         who asked: the admin's subject, the service's retention, or the service whose erasure this
 *                         one followed
 * @param requestedThrough {@code api} (this service's {@code DELETE /api/data-subjects/{subjectRef}}),
 *                         {@code retention}, or {@code pledge.privacy.v1} (another service's erasure, received): only the
 *                         first two are published, so an erasure never travels back
 */
@EventRevision("1")
public record DataSubjectErasedEvent(String subjectRef, String reason, Instant erasedAt, String erasedBy,
                                     String requestedThrough) {

    /** The aggregate type of the erasure events in the event store. */
    public static final String AGGREGATE_TYPE = "DataSubject";
}
