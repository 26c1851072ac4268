package org.pledge.cases.casefile.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.privacy.retention.*}: how long case-service keeps an applicant's personal data after their cases
 * closed, per service type. Off by default (no service type listed): nothing is erased by time.
 *
 * @param serviceTypes  per service type code, an ISO-8601 duration ({@code PASSPORT: P730D}); keys are read in upper
 *                      case (write a code with {@code _} or {@code .} in brackets: {@code "[MY_CODE]": P90D}). A
 *                      service type not listed keeps its applicants' personal data without limit, and so keeps every
 *                      subject with a case of it
 * @param sweepInterval pause between the end of one sweep and the start of the next
 * @param batchSize     closed cases looked at most per sweep, per service type and closing status
 */
@ConfigurationProperties("pledge.privacy.retention")
public record RetentionProperties(
        Map<String, Duration> serviceTypes,
        @DefaultValue("10m") Duration sweepInterval,
        @DefaultValue("500") int batchSize) {

    public RetentionProperties {
        Map<String, Duration> normalised = new LinkedHashMap<>();
        if (serviceTypes != null) {
            serviceTypes.forEach((code, period) -> {
                if (period == null || period.isNegative() || period.isZero()) {
                    throw new IllegalArgumentException("pledge.privacy.retention.service-types." + code
                            + " must be a positive duration (e.g. P730D), was " + period);
                }
                normalised.put(code.toUpperCase(Locale.ROOT), period);
            });
        }
        serviceTypes = Map.copyOf(normalised);
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("pledge.privacy.retention.sweep-interval must be positive, was " + sweepInterval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("pledge.privacy.retention.batch-size must be at least 1, was " + batchSize);
        }
    }

    /** Whether any service type has a retention. */
    public boolean enabled() {
        return !serviceTypes.isEmpty();
    }
}
