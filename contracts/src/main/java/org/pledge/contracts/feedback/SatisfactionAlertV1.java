package org.pledge.contracts.feedback;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code pledge.feedback.satisfaction-alert.v1}: the rolling CSAT of {@code serviceType} fell below its alert
 * threshold. Raised once; {@code pledge.feedback.satisfaction-recovered.v1} with the same {@code alertId} clears it once
 * CSAT is back above the (higher) recovery threshold. Keyed by service type.
 *
 * @param csat      the share of ratings 4–5 over the basis, in percent (two decimals)
 * @param threshold the alert threshold it fell below, in percent
 * @param answers   how many answers the figure is over
 * @param basis     what the figure is over: {@code last-<n>-answers} or a window ({@code PT24H})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SatisfactionAlertV1(String alertId, String serviceType, BigDecimal csat, BigDecimal threshold, int answers,
                                  String basis, Instant raisedAt) {
}
