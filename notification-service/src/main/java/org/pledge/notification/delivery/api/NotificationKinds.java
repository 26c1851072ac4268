package org.pledge.notification.delivery.api;

/** What a notification tells the client. Rules and templates per kind come with the notifications themselves (issue 13). */
public final class NotificationKinds {

    /** "We received your case": owed for {@code pledge.case.submitted.v1}. */
    public static final String CASE_RECEIVED = "CASE_RECEIVED";

    private NotificationKinds() {
    }
}
