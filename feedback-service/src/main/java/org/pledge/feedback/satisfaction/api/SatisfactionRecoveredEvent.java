package org.pledge.feedback.satisfaction.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The rolling CSAT of {@code serviceType} rose above the recovery {@code threshold}: alert {@code alertId} is cleared.
 * {@code recoveredAt} is when the answer that lifted it was received.
 */
public record SatisfactionRecoveredEvent(String watchId, String alertId, String serviceType, BigDecimal csat, BigDecimal threshold,
                                         int answers, String basis, Instant recoveredAt) {
}
