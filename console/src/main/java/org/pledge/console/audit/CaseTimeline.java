package org.pledge.console.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import org.pledge.console.audit.AuditViews.CaseHistoryEntry;
import org.pledge.console.audit.AuditViews.Claim;
import org.pledge.console.audit.AuditViews.ClaimStep;
import org.pledge.console.audit.AuditViews.Feedback;
import org.pledge.console.audit.AuditViews.Notification;
import org.pledge.console.services.Service;

/**
 * A case's history across the services as one timeline, oldest first: case-service's events, notification-service's
 * notifications, feedback-service's answers and guarantee-service's claim steps, each with when, who and through which
 * channel. Entries at the same instant keep the order of the services above and their own order.
 *
 * @param at      when it happened (an ISO instant)
 * @param source  the service that recorded it
 * @param what    what happened (an event type, a notification's template and status, a claim step)
 * @param actor   who caused it (a person's subject, a service, {@code client})
 * @param channel the channel it came or went through, or null
 * @param detail  the facts, without personal data (the services keep it out)
 */
public record CaseTimeline(String at, Service source, String what, String actor, String channel, String detail) {

    /** Words in the person's language: a message key and its arguments. */
    interface Words {
        String of(String key, Object... args);
    }

    static List<CaseTimeline> of(List<CaseHistoryEntry> history, List<Notification> notifications,
                                 List<Feedback> feedback, Claim claim, Words words) {
        List<CaseTimeline> entries = new ArrayList<>();
        for (CaseHistoryEntry entry : history) {
            entries.add(new CaseTimeline(entry.occurredAt(), Service.CASE, entry.type(), entry.actor(), entry.channel(),
                    facts(entry.details())));
        }
        for (Notification notification : notifications) {
            entries.add(new CaseTimeline(notification.requestedAt(), Service.NOTIFICATION,
                    join(notification.templateId(), notification.status()), Service.NOTIFICATION.id(),
                    notification.channel(), notification.reason()));
        }
        for (Feedback answer : feedback) {
            StringJoiner detail = new StringJoiner("; ");
            if (answer.rating() != null) {
                detail.add(words.of("audit.feedback.rating", answer.rating()));
            }
            if (answer.effort() != null) {
                detail.add(words.of("audit.feedback.effort", answer.effort()));
            }
            if (answer.painPoints() != null && !answer.painPoints().isEmpty()) {
                detail.add(words.of("audit.feedback.pain-points", String.join(", ", answer.painPoints())));
            }
            if (answer.timeliness() != null) {
                detail.add(words.of("audit.feedback.timeliness." + answer.timeliness()));
            }
            if (answer.comment() != null && !answer.comment().isBlank()) {
                detail.add(words.of("audit.feedback.comment", answer.comment()));
            }
            entries.add(new CaseTimeline(answer.receivedAt(), Service.FEEDBACK, words.of("audit.feedback.what"), words.of("audit.actor.client"), answer.channel(),
                    detail.toString()));
        }
        if (claim != null) {
            for (ClaimStep step : claim.history()) {
                entries.add(new CaseTimeline(step.at(), Service.GUARANTEE, step.what(), step.actor(), null, step.detail()));
            }
        }
        entries.sort(Comparator.comparing(CaseTimeline::instant, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    Instant instant() {
        return at == null || at.isBlank() ? null : Instant.parse(at);
    }

    /** An event's facts as {@code name: value} pairs, nested objects flattened with dots. */
    static String facts(JsonNode details) {
        if (details == null || details.isNull() || details.isMissingNode()) {
            return "";
        }
        StringJoiner text = new StringJoiner("; ");
        flatten("", details, text);
        return text.toString();
    }

    private static void flatten(String prefix, JsonNode node, StringJoiner text) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), text);
            }
        } else if (node.isArray()) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            node.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            text.add(prefix + ": " + items);
        } else if (!node.isNull()) {
            text.add(prefix.isEmpty() ? node.asText() : prefix + ": " + node.asText());
        }
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + ": " + second;
    }
}
