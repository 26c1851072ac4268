package org.pledge.platform.privacy;

import java.time.Instant;

/**
 * A data subject's erasure as this service recorded it first (a repeated erasure answers the same record), with no
 * personal data.
 *
 * @param subjectRef       the data subject
 * @param erasedAt         when this service deleted the key
 * @param reason           an {@code ErasureReason} code
 * @param erasedBy         who asked (an admin's subject, the retention, or the service whose erasure this one followed)
 * @param requestedThrough {@code api}, {@code retention} or {@code pledge.privacy.v1} ({@code RequestedThrough})
 * @param completed        whether every step is done: read models scrubbed and the erasure event stored (a crash may
 *                         leave it false; the next request, message or completion sweep finishes it)
 */
public record ErasureRecord(String subjectRef, Instant erasedAt, String reason, String erasedBy, String requestedThrough,
                            boolean completed) {
}
