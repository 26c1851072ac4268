package org.pledge.cases.catalogue.config;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.catalogue.*}: the service catalogue and business calendars the service starts with, and the sweep
 * that moves open cases onto the newest version of their calendar.
 *
 * <pre>
 * pledge:
 *   catalogue:
 *     recalculation:
 *       sweep-interval: 1m
 *       batch-size: 100
 *     calendars:
 *       - id: CA-ON
 *         zone: America/Toronto
 *         weekend-days: [SATURDAY, SUNDAY]
 *         holidays: [2026-12-25, 2026-12-28]
 *     service-types:
 *       - code: PASSPORT
 *         names: {en: Passport, fr: Passeport}
 *         fee: {amount: "120.00", currency: CAD}
 *         standard: 10 business days
 *         calendar: CA-ON
 *         guaranteed: true
 * </pre>
 */
@ConfigurationProperties("pledge.catalogue")
public record CatalogueProperties(@DefaultValue List<Calendar> calendars, @DefaultValue List<ServiceTypeSeed> serviceTypes,
                                  @DefaultValue Recalculation recalculation) {

    /**
     * The reconciliation sweep ({@code CalendarRecalculationSweep}): open cases the read model still shows on an
     * older version than the newest published one of their calendar are recalculated.
     *
     * @param sweepInterval pause between the end of one sweep and the start of the next (the first comes one
     *                      interval after start-up)
     * @param batchSize     cases recalculated at most per calendar and sweep (the rest wait for the next sweep)
     */
    public record Recalculation(@DefaultValue("1m") Duration sweepInterval, @DefaultValue("100") int batchSize) {

        public Recalculation {
            if (sweepInterval.isNegative() || sweepInterval.isZero()) {
                throw new IllegalArgumentException("pledge.catalogue.recalculation.sweep-interval must be positive, was " + sweepInterval);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("pledge.catalogue.recalculation.batch-size must be at least 1, was " + batchSize);
            }
        }
    }

    public record Calendar(String id, String zone, @DefaultValue({"SATURDAY", "SUNDAY"}) Set<DayOfWeek> weekendDays,
                           @DefaultValue Set<LocalDate> holidays) {
    }

    public record Fee(BigDecimal amount, String currency) {
    }

    public record ServiceTypeSeed(String code, Map<String, String> names, Fee fee, String standard, String legalTimeLimit,
                                  BigDecimal atRiskShare, boolean guaranteed, String calendar,
                                  @DefaultValue("2000-01-01T00:00:00Z") Instant availableFrom) {
    }
}
