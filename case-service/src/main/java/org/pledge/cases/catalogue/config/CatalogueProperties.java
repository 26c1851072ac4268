package org.pledge.cases.catalogue.config;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.catalogue.*}: the service catalogue and business calendars the service starts with. The sweep that
 * moves open cases onto the newest version of their calendar, {@code pledge.catalogue.recalculation.*}, belongs to the
 * cases ({@code casefile.config.CalendarRecalculationProperties}).
 *
 * <pre>
 * pledge:
 *   catalogue:
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
public record CatalogueProperties(@DefaultValue List<Calendar> calendars, @DefaultValue List<ServiceTypeSeed> serviceTypes) {

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
