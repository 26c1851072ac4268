package org.pledge.cases.catalogue.query;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.cases.catalogue.api.BusinessCalendarPublishedEvent;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.platform.readmodel.RecordFields;

/**
 * A {@code business_calendars} document exactly as stored, one published version of a calendar (read and written by the
 * driver's record codec, with {@link MongoCatalogue#CODECS}): {@code _id = <calendarId>:<version>}, weekend days by
 * name, holidays as sorted ISO dates ({@code "2025-12-25"}), {@code publishedAt} a BSON date.
 */
public record CalendarDocument(@BsonId String id, String calendarId, Integer version, String zone, List<DayOfWeek> weekendDays,
                               List<LocalDate> holidays, List<LocalDate> addedHolidays, List<LocalDate> removedHolidays,
                               Instant publishedAt) {

    private static final RecordFields FIELDS = RecordFields.of(CalendarDocument.class);
    static final String ID = FIELDS.name("id");
    static final String CALENDAR_ID = FIELDS.name("calendarId");
    static final String VERSION = FIELDS.name("version");

    static String id(String calendarId, int version) {
        return calendarId + ":" + version;
    }

    static CalendarDocument of(BusinessCalendarPublishedEvent e) {
        return new CalendarDocument(id(e.calendarId(), e.version()), e.calendarId(), e.version(), e.zone(),
                e.weekendDays().stream().sorted().toList(), sorted(e.holidays()), sorted(e.addedHolidays()),
                sorted(e.removedHolidays()), e.publishedAt());
    }

    MongoCatalogue.StoredCalendar stored() {
        BusinessCalendar calendar = BusinessCalendar.of(calendarId, version, ZoneId.of(zone),
                weekendDays == null || weekendDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekendDays),
                new TreeSet<>(orEmpty(holidays)));
        return new MongoCatalogue.StoredCalendar(calendar, orEmpty(addedHolidays), orEmpty(removedHolidays), publishedAt);
    }

    private static List<LocalDate> sorted(List<LocalDate> dates) {
        return dates == null ? List.of() : dates.stream().sorted().toList();
    }

    private static List<LocalDate> orEmpty(List<LocalDate> dates) {
        return dates == null ? List.of() : List.copyOf(dates);
    }
}
