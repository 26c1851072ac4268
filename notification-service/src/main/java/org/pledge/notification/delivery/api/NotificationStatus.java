package org.pledge.notification.delivery.api;

/** Where a notification stands (docs/notifications.md shows the lifecycle). */
public enum NotificationStatus {
    /** Owed, no attempt made yet. */
    REQUESTED,
    /** The recipient has no contact yet: looked up again after a back-off, until the contact wait runs out. */
    WAITING_FOR_CONTACT,
    /** An attempt is under way on a channel (its intent is recorded; the outcome is not yet). */
    SENDING,
    /** The provider took the message and its delivery receipt is awaited (SMS). */
    SENT,
    /** The last attempt failed for now; the next one, on the same channel, is scheduled. */
    RETRYING,
    /** Final: handed over for good (SMTP 250, a letter in the print outbox) or confirmed by a receipt. */
    DELIVERED,
    /** Final: no channel left (every one tried failed for good), no contact point, or the contact was erased. */
    ABANDONED;

    public boolean isFinal() {
        return this == DELIVERED || this == ABANDONED;
    }
}
