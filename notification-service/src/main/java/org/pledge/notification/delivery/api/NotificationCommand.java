package org.pledge.notification.delivery.api;

/** A command to one {@code Notification}: the notification it targets (commands carry no framework annotations). */
public sealed interface NotificationCommand permits RequestNotificationCommand {

    String notificationId();
}
