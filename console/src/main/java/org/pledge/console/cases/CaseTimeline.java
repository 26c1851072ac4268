package org.pledge.console.cases;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case's story in time order: its events from case-service's history and what the client was told from
 * notification-service, merged. A notification is one entry (template, channel, where it stands); the case's own
 * {@code ClientNotified} / {@code ClientNotificationFailed} record of the same notification (same
 * {@code notificationId}) is folded into it rather than shown twice. When the person may not read one of the two
 * sources, the timeline has the other alone (the page says what is missing and why).
 */
public final class CaseTimeline {

    private static final Set<String> CLIENT_TOLD = Set.of("ClientNotified", "ClientNotificationFailed");

    private CaseTimeline() {
    }

    /**
     * One moment of the case: an event of the case, or a notification to its client (exactly one of the two);
     * {@code at} is null when the service gave no readable time.
     */
    public record Entry(Instant at, Event event, Notification notification) {
    }

    /**
     * An event of the case, with the facts the page shows (none personal: free-text notes and reasons stay out).
     *
     * @param reasonCode    why information was asked for (InformationRequested)
     * @param outcome       the decision (CaseResolved)
     * @param deadline      the deadline it set or passed (DeadlineRecalculated, CaseMarkedAtRisk, ServiceStandardBreached)
     * @param templateId    what the client was (or could not be) told (ClientNotified, ClientNotificationFailed)
     * @param toldBy        the channel that told them (ClientNotified)
     * @param channelsTried the channels that failed (ClientNotificationFailed)
     */
    public record Event(String type, String actor, String channel, String reasonCode, String outcome, String deadline,
                        String templateId, String toldBy, List<String> channelsTried) {
    }

    /**
     * A notification the client is owed, as notification-service has it.
     *
     * @param channel  the channel under way or the last one tried
     * @param channels the channels planned, in order
     */
    public record Notification(String id, String templateId, String channel, List<String> channels, String status,
                               String reason, String requestedAt, String updatedAt) {

        /** It went out (or is going out) on another channel than the first planned: the first one failed for good. */
        public boolean fellBack() {
            return channels.size() > 1 && channel != null && !channel.equals(channels.get(0));
        }

        /** DELIVERED, SENT or ABANDONED: nothing more will happen to it. */
        public boolean settled() {
            return "DELIVERED".equals(status) || "SENT".equals(status) || "ABANDONED".equals(status);
        }
    }

    /**
     * The timeline of {@code history} (case-service's entries, oldest first; null when not read) and
     * {@code notifications} (notification-service's items; null when not read), oldest first. At the same instant an
     * event comes before the notification it caused.
     */
    public static List<Entry> merge(JsonNode history, JsonNode notifications) {
        List<Entry> entries = new ArrayList<>();
        Set<String> notificationIds = new HashSet<>();
        if (notifications != null) {
            for (JsonNode item : notifications) {
                Notification notification = notification(item);
                notificationIds.add(notification.id());
                entries.add(new Entry(instant(notification.requestedAt(), notification.updatedAt()), null, notification));
            }
        }
        if (history != null) {
            for (JsonNode item : history) {
                String type = text(item, "type");
                JsonNode details = item.path("details");
                if (CLIENT_TOLD.contains(type) && notificationIds.contains(text(details, "notificationId"))) {
                    continue; // the notification's own entry says it, with where it stands now
                }
                entries.add(new Entry(instant(text(item, "occurredAt")), event(type, item, details), null));
            }
        }
        // an entry without a readable time is still shown, last, rather than lost
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(entry -> entry.event() == null));
        return entries;
    }

    private static Event event(String type, JsonNode item, JsonNode details) {
        List<String> tried = new ArrayList<>();
        details.path("channelsTried").forEach(channel -> tried.add(channel.asText()));
        return new Event(type, text(item, "actor"), text(item, "channel"), text(details, "reasonCode"),
                text(details, "outcome"), text(details, "deadline"), text(details, "templateId"),
                "ClientNotified".equals(type) ? text(details, "channel") : null, List.copyOf(tried));
    }

    private static Notification notification(JsonNode item) {
        List<String> channels = new ArrayList<>();
        item.path("channels").forEach(channel -> channels.add(channel.asText()));
        return new Notification(text(item, "id"), text(item, "templateId"), text(item, "channel"), List.copyOf(channels),
                text(item, "status"), text(item, "reason"), text(item, "requestedAt"), text(item, "updatedAt"));
    }

    private static Instant instant(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                try {
                    return Instant.parse(candidate);
                } catch (DateTimeParseException notAnInstant) {
                    // try the next one
                }
            }
        }
        return null;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
