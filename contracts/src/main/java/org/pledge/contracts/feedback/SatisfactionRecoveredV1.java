package org.pledge.contracts.feedback;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code pledge.feedback.satisfaction-recovered.v1}: the alert {@code alertId} of {@code serviceType} is
 * cleared: its rolling CSAT rose above the recovery threshold. Keyed by service type.
 *
 * @param csat      the share of ratings 4–5 over the basis, in percent (two decimals)
 * @param threshold the recovery threshold it rose above, in percent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SatisfactionRecoveredV1(String alertId, String serviceType, BigDecimal csat, BigDecimal threshold, int answers,
                                      String basis, Instant recoveredAt) {
}
