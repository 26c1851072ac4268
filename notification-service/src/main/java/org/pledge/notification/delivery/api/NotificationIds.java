package org.pledge.notification.delivery.api;

/** Notification identifiers. */
public final class NotificationIds {

    private NotificationIds() {
    }

    /**
     * The notification a case owes for a trigger: {@code <kind>:<caseId>}, so that one trigger of one case is one
     * notification, however often and under whatever CloudEvent id its event arrives.
     */
    public static String of(String kind, String caseId) {
        return kind + ":" + caseId;
    }
}
