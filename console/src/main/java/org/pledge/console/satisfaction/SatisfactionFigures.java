package org.pledge.console.satisfaction;

import java.math.BigDecimal;
import java.util.List;

/**
 * feedback-service's satisfaction answers, as the console reads them ({@code docs/satisfaction.md}). Decimals stay
 * {@link BigDecimal}; instants and dates stay the ISO strings the service gave ({@code @fmt} writes them out).
 */
public final class SatisfactionFigures {

    private SatisfactionFigures() {
    }

    /** {@code GET /api/satisfaction}: one entry per window and, with every window, the 30-day series. */
    public record Satisfaction(String asOf, String serviceType, String channel, String zone, List<WindowFigures> windows,
                        List<DayFigures> series) {
        public Satisfaction {
            windows = windows == null ? List.of() : windows;
            series = series == null ? List.of() : series;
        }
    }

    public record WindowFigures(String window, String from, Figures figures, ByTimeliness byTimeliness) {
    }

    public record DayFigures(String date, Figures figures, ByTimeliness byTimeliness) {
    }

    /** The figures split by the case's timeliness when the client answered. */
    public record ByTimeliness(Figures onTime, Figures late, Figures open) {
    }

    public record Figures(long volume, BigDecimal csat, BigDecimal meanRating, BigDecimal meanEffort, long effortAnswers,
                   List<PainPointCount> topPainPoints) {
    }

    public record PainPointCount(String code, long count) {
    }

    /** {@code GET /api/pain-points}: every pain point named over the window, most named first. */
    public record PainPoints(String asOf, String serviceType, String window, String from, long answers,
                      List<PainPointCount> painPoints) {
        public PainPoints {
            painPoints = painPoints == null ? List.of() : painPoints;
        }
    }

    /** {@code GET /api/satisfaction-alerts}: the open alerts and the last cleared ones, newest first. */
    public record Alerts(List<Alert> open, List<Alert> recent) {
        public Alerts {
            open = open == null ? List.of() : open;
            recent = recent == null ? List.of() : recent;
        }
    }

    public record Alert(String alertId, String serviceType, String status, BigDecimal csat, BigDecimal threshold,
                 BigDecimal recoveryThreshold, Integer answers, String basis, String raisedAt, String recoveredAt,
                 BigDecimal recoveredCsat, Integer recoveredAnswers) {
    }

    /** {@code GET /api/service-types} (case-service): the codes the filter offers. */
    public record ServiceType(String code) {
    }
}
