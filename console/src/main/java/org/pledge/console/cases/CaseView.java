package org.pledge.console.cases;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case as case-service's {@code GET /api/cases/{caseId}} (or one row of {@code GET /api/cases}) gave it, with its
 * clock read into what the page says: which state the clock is in ({@link #clock()}) and the figure that goes with it.
 * Nothing personal: the applicant's name and contact points are not in this API's answer, and the applicant's reference
 * is not kept here.
 */
public record CaseView(String caseId, String status, String serviceType, String serviceStandard, String channel,
                       String assignee, String submittedAt, String receivedAt, String deadline,
                       Integer businessDaysElapsed, Integer businessDaysRemaining, String timeRemaining,
                       boolean paused, String pauseReason, String pausedSince, boolean atRisk, String atRiskAt,
                       boolean breached, int latenessBusinessDays, Boolean resolvedOnTime, String resolutionOutcome,
                       String resolvedAt, String withdrawnAt, String previousCase) {

    /** Where the clock stands, each state with its own words on the page ({@code cases.clock.<state>}). */
    public enum Clock {
        /** Resolved by the deadline. */
        RESOLVED_ON_TIME,
        /** Resolved after the deadline: {@link #latenessBusinessDays()} late. */
        RESOLVED_LATE,
        /** Withdrawn: the clock stopped for good. */
        WITHDRAWN,
        /** Waiting for the client: the clock is paused since {@link #pausedSince()} because {@link #pauseReason()}. */
        PAUSED,
        /** Open and past its deadline: late by {@link #latenessBusinessDays()} so far. */
        LATE,
        /** Open and running, {@link #businessDaysRemaining()} left (today included). */
        RUNNING,
        /** Open and running against a duration standard: {@link #timeRemaining()} left. */
        RUNNING_DURATION,
        /** Open and running, with no figure of what is left (the service gave none). */
        OPEN
    }

    static CaseView of(JsonNode json) {
        JsonNode resolution = json.path("resolution");
        JsonNode withdrawal = json.path("withdrawal");
        return new CaseView(text(json, "caseId"), text(json, "status"), text(json, "serviceType"),
                text(json, "serviceStandard"), text(json, "channel"), text(json, "assignee"), text(json, "submittedAt"),
                text(json, "receivedAt"), text(json, "deadline"), integer(json, "businessDaysElapsed"),
                integer(json, "businessDaysRemaining"), text(json, "timeRemaining"), json.path("paused").asBoolean(false),
                text(json, "pauseReason"), text(json, "pausedSince"), json.path("atRisk").asBoolean(false),
                text(json, "atRiskAt"), json.path("breached").asBoolean(false), json.path("latenessBusinessDays").asInt(0),
                resolution.hasNonNull("onTime") ? resolution.get("onTime").asBoolean() : null, text(resolution, "outcome"),
                text(resolution, "resolvedAt"), text(withdrawal, "withdrawnAt"), lastSegment(text(json.path("links"), "previousCase")));
    }

    public Clock clock() {
        if ("RESOLVED".equals(status)) {
            return Boolean.FALSE.equals(resolvedOnTime) || latenessBusinessDays > 0 ? Clock.RESOLVED_LATE : Clock.RESOLVED_ON_TIME;
        }
        if ("WITHDRAWN".equals(status)) {
            return Clock.WITHDRAWN;
        }
        if (paused) {
            return Clock.PAUSED;
        }
        if (breached) {
            return Clock.LATE;
        }
        if (businessDaysRemaining != null) {
            return Clock.RUNNING;
        }
        return minutesRemaining() != null ? Clock.RUNNING_DURATION : Clock.OPEN;
    }

    /** Whether the case is still open (the clock runs or is paused). */
    public boolean open() {
        return !"RESOLVED".equals(status) && !"WITHDRAWN".equals(status);
    }

    /** {@link #timeRemaining()} (an ISO-8601 duration) as whole minutes, rounded up; null when there is none. */
    public Long minutesRemaining() {
        if (timeRemaining == null) {
            return null;
        }
        try {
            Duration left = Duration.parse(timeRemaining);
            return left.isNegative() ? 0L : (left.toSeconds() + 59) / 60;
        } catch (DateTimeParseException notADuration) {
            return null;
        }
    }

    /** The previous case's id, from its link {@code /api/cases/<id>}. */
    private static String lastSegment(String link) {
        return link == null ? null : link.substring(link.lastIndexOf('/') + 1);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }
}
