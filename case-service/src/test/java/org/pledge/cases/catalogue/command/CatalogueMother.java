package org.pledge.cases.catalogue.command;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pledge.cases.catalogue.api.BusinessCalendarPublishedEvent;
import org.pledge.cases.catalogue.api.DefineServiceTypeCommand;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.PublishBusinessCalendarCommand;
import org.pledge.cases.catalogue.api.ServiceTypeDefinedEvent;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.BusinessCalendars;

/** Catalogue test data: a passport service type on calendar CA-ON. */
final class CatalogueMother {

    static final String CODE = "PASSPORT";
    static final String CALENDAR_ID = "CA-ON";
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Instant LATER = Instant.parse("2026-06-02T12:00:00Z");
    static final Instant AVAILABLE_FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Map<String, String> NAMES = Map.of("en", "Passport", "fr", "Passeport");
    static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    static final LocalDate CHRISTMAS = LocalDate.parse("2026-12-25");
    static final LocalDate BOXING_DAY = LocalDate.parse("2026-12-28");

    private CatalogueMother() {
    }

    static DefineServiceTypeCommand define() {
        return define("10 business days", "20 business days", NOW);
    }

    static DefineServiceTypeCommand define(String standard, String legalLimit, Instant now) {
        return new DefineServiceTypeCommand(CODE, NAMES, Money.of("120.00", "CAD"), standard, legalLimit, null, true, CALENDAR_ID,
                AVAILABLE_FROM, false, now);
    }

    static ServiceTypeDefinedEvent defined(int revision, String standard, Instant at) {
        return new ServiceTypeDefinedEvent(CODE, revision, NAMES, Money.of("120.00", "CAD"), standard, "20 business days",
                new BigDecimal("0.8"), true, CALENDAR_ID, AVAILABLE_FROM, at);
    }

    static PublishBusinessCalendarCommand publish(Set<LocalDate> holidays, Instant now) {
        return new PublishBusinessCalendarCommand(CALENDAR_ID, "America/Toronto", WEEKEND, holidays, false, now);
    }

    static BusinessCalendarPublishedEvent published(int version, List<LocalDate> holidays, List<LocalDate> added, List<LocalDate> removed,
                                                    Instant at) {
        return new BusinessCalendarPublishedEvent(CALENDAR_ID, version, "America/Toronto", WEEKEND, holidays, added, removed, at);
    }

    /** Knows calendar CA-ON only. */
    static BusinessCalendars calendars() {
        BusinessCalendar caOn = BusinessCalendar.mondayToFriday(CALENDAR_ID, 1, ZoneId.of("America/Toronto"), Set.of(CHRISTMAS));
        return new BusinessCalendars() {
            @Override
            public Optional<BusinessCalendar> current(String calendarId) {
                return CALENDAR_ID.equals(calendarId) ? Optional.of(caOn) : Optional.empty();
            }

            @Override
            public Optional<BusinessCalendar> version(String calendarId, int version) {
                return current(calendarId).filter(c -> c.version() == version);
            }
        };
    }
}
