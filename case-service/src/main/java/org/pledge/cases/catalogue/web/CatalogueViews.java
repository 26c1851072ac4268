package org.pledge.cases.catalogue.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.pledge.cases.catalogue.query.MongoCatalogue;
import org.pledge.cases.sla.BusinessCalendar;

/** Response bodies of the catalogue API. */
final class CatalogueViews {

    private CatalogueViews() {
    }

    record Fee(String amount, String currency) {
    }

    record ServiceTypeView(String code, int revision, Map<String, String> names, Fee fee, String standard, String legalTimeLimit,
                           String atRiskShare, boolean guaranteed, String calendarId, Instant availableFrom, Instant definedAt) {

        static ServiceTypeView of(MongoCatalogue.StoredServiceType stored) {
            var t = stored.serviceType();
            return new ServiceTypeView(t.code(), stored.revision(), t.names(), new Fee(t.fee().amount().toPlainString(), t.fee().currency()),
                    t.standard().toString(), t.legalLimit().map(Object::toString).orElse(null), t.atRiskShare().toPlainString(),
                    t.guaranteed(), t.calendarId(), t.availableFrom(), stored.definedAt());
        }
    }

    record CalendarVersionView(int version, String zone, List<DayOfWeek> weekendDays, List<LocalDate> holidays, List<LocalDate> addedHolidays,
                               List<LocalDate> removedHolidays, Instant publishedAt) {

        static CalendarVersionView of(MongoCatalogue.StoredCalendar stored) {
            BusinessCalendar c = stored.calendar();
            return new CalendarVersionView(c.version(), c.zone().getId(), c.weekendDays().stream().sorted().toList(), List.copyOf(c.holidays()),
                    stored.addedHolidays(), stored.removedHolidays(), stored.publishedAt());
        }
    }

    /** A calendar: its newest version first-class, and every version (oldest first). */
    record CalendarView(String id, int currentVersion, List<CalendarVersionView> versions) {
    }
}
