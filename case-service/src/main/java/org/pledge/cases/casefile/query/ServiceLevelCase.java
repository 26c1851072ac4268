package org.pledge.cases.casefile.query;

import java.time.Instant;

/**
 * The facts of one case that the service-level figures need, read from {@code case_summaries}.
 *
 * @param open       neither resolved nor withdrawn
 * @param receivedAt when the clock started (the receipt date is not counted)
 * @param resolvedAt the (latest) resolution, or null
 * @param onTime     whether the resolution met the standard; null while unresolved
 */
public record ServiceLevelCase(String serviceType, String channel, boolean open, boolean atRisk, boolean breached,
                               Instant receivedAt, Instant resolvedAt, Boolean onTime, String calendarId, int calendarVersion) {
}
