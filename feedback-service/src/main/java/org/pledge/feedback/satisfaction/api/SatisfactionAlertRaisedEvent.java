package org.pledge.feedback.satisfaction.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The rolling CSAT of {@code serviceType} fell below {@code threshold}: alert {@code alertId} is open until
 * {@link SatisfactionRecoveredEvent}. {@code raisedAt} is when the answer that tipped it was received.
 *
 * @param csat    percent, two decimals
 * @param answers how many answers {@code csat} is over
 * @param basis   {@code last-<n>-answers}
 */
public record SatisfactionAlertRaisedEvent(String watchId, String alertId, String serviceType, BigDecimal csat, BigDecimal threshold,
                                           int answers, String basis, Instant raisedAt) {
}
