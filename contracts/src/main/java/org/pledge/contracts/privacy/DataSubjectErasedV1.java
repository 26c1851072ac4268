package org.pledge.contracts.privacy;

import java.time.Instant;

import org.pledge.contracts.DataSubjectField;

/**
 * Data of {@code pledge.privacy.data-subject-erased.v1}: a service erased a data subject (on an admin's request or by
 * its retention rules); every other service erases its own copies of the subject's personal data, and records that it
 * did, without publishing the erasure again. Carries no personal data: the subject reference is the channel's opaque
 * reference for the person (the {@code applicantReference} of case events).
 *
 * @param subjectRef the data subject's reference
 * @param erasedAt   when the publishing service deleted the subject's key
 * @param reason     why: {@code subject-request}, {@code retention} or {@code legal-obligation} (consumers erase
 *                   whatever the reason, also for a code added later)
 */
public record DataSubjectErasedV1(@DataSubjectField String subjectRef, Instant erasedAt, String reason) {
}
