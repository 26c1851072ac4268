package org.pledge.feedback.satisfaction.config;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;

import org.pledge.feedback.satisfaction.api.AlertRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.satisfaction.*}. Every rule is checked at start-up (a recovery threshold not above its threshold, a
 * minimum above N: the service does not start).
 *
 * @param zone          the days of the daily series and of the 30-day window
 * @param topPainPoints how many pain points a figure lists (the most named first)
 * @param alerts        the alert rule, with per-service-type overrides
 */
@ConfigurationProperties("pledge.satisfaction")
public record SatisfactionProperties(@DefaultValue("America/Toronto") ZoneId zone, @DefaultValue("5") int topPainPoints,
                                     @DefaultValue Alerts alerts) {

    public SatisfactionProperties {
        if (topPainPoints < 1 || topPainPoints > 100) {
            throw new IllegalArgumentException("pledge.satisfaction.top-pain-points must lie between 1 and 100");
        }
    }

    /** The alert rule of {@code serviceType}: the defaults, field by field overridden by its own entry. */
    public AlertRule ruleFor(String serviceType) {
        return alerts.ruleFor(serviceType);
    }

    /**
     * {@code pledge.satisfaction.alerts.*}: the default rule (percentages; the last N answers) and
     * {@code service-types.<code>.*} overriding any of its fields for one service type.
     *
     * @param recent how many cleared alerts {@code GET /api/satisfaction-alerts} lists besides the open ones
     */
    public record Alerts(@DefaultValue("70") BigDecimal threshold, @DefaultValue("80") BigDecimal recoveryThreshold,
                         @DefaultValue("50") int lastAnswers, @DefaultValue("20") int minimumAnswers, @DefaultValue("20") int recent,
                         Map<String, Override> serviceTypes) {

        public Alerts {
            serviceTypes = serviceTypes == null ? Map.of() : Map.copyOf(serviceTypes);
            new AlertRule(threshold, recoveryThreshold, lastAnswers, minimumAnswers);
            serviceTypes.keySet().forEach(this::ruleFor);
            if (recent < 0 || recent > 1000) {
                throw new IllegalArgumentException("pledge.satisfaction.alerts.recent must lie between 0 and 1000");
            }
        }

        AlertRule ruleFor(String serviceType) {
            Override own = serviceTypes.get(serviceType);
            if (own == null) {
                return new AlertRule(threshold, recoveryThreshold, lastAnswers, minimumAnswers);
            }
            try {
                return new AlertRule(own.threshold() == null ? threshold : own.threshold(),
                        own.recoveryThreshold() == null ? recoveryThreshold : own.recoveryThreshold(),
                        own.lastAnswers() == null ? lastAnswers : own.lastAnswers(),
                        own.minimumAnswers() == null ? minimumAnswers : own.minimumAnswers());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pledge.satisfaction.alerts.service-types." + serviceType + ": " + e.getMessage(), e);
            }
        }
    }

    /** One service type's own values; absent fields take the defaults. */
    public record Override(BigDecimal threshold, BigDecimal recoveryThreshold, Integer lastAnswers, Integer minimumAnswers) {
    }
}
