package org.pledge.feedback.satisfaction.query;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.feedback.survey.api.Timeliness;

/**
 * What the figures count of one answer: no comment, no person. A pain point named twice in one answer counts once.
 *
 * @param effort CES 1–7, or null
 */
public record Answer(String serviceType, String channel, Timeliness timeliness, int rating, Integer effort, List<String> painPoints,
                     Instant receivedAt) {

    /** Where the event leaves a field out: service type and channel {@code unknown}, timeliness {@code OPEN}. */
    public static Answer of(FeedbackReceivedEvent event) {
        return new Answer(event.serviceType() == null || event.serviceType().isBlank() ? "unknown" : event.serviceType(),
                event.channel() == null ? "unknown" : event.channel().name(),
                event.timeliness() == null ? Timeliness.OPEN : event.timeliness(), event.rating(), event.effort(),
                event.painPoints() == null ? List.of() : List.copyOf(new LinkedHashSet<>(event.painPoints())), event.receivedAt());
    }

    public boolean isCountable() {
        return rating >= 1 && rating <= 5 && (effort == null || effort >= 1 && effort <= 7) && receivedAt != null;
    }
}
