package org.pledge.platform.privacy;

/**
 * What a read model (or any other store outside the event store) that holds personal data implements, as a Spring bean:
 * on a data subject's erasure it deletes or scrubs what it holds of that subject, so that nothing of it can be read
 * again. The platform calls every such bean after the subject's key is deleted, both for an erasure requested through
 * this service's API (or its retention) and for one received from another service on {@code pledge.privacy.v1}.
 *
 * <p>It must be idempotent (a retry after a crash, a redelivered message, call it again) and must not log the data
 * it removes. Throwing fails the erasure request (or redelivers the message), which then runs every holder again.
 */
public interface PersonalDataHolder {

    /** Deletes or scrubs everything this holder keeps of {@code subjectRef}. */
    void erase(String subjectRef);
}
