package org.pledge.cases.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.pledge.platform.validation.InstantRules;

/**
 * One version of a business calendar: the time zone in which days are counted, the weekend days and
 * the dated holidays. Versions are immutable once published; a change of holidays is a new version
 * (see {@link #withHolidays}), and every case records the version its deadline used.
 *
 * @param id          stable identifier, e.g. {@code ca-federal}
 * @param version     1, 2, 3, ... (a higher version replaces a lower one for open cases)
 * @param zone        the zone Z of the clock; dates are local dates in Z
 * @param weekendDays the days of the week that are never business days (at most six)
 * @param holidays    dated holidays (local dates in Z)
 */
public record BusinessCalendar(String id, int version, ZoneId zone, Set<DayOfWeek> weekendDays, SortedSet<LocalDate> holidays) {

    /**
     * At most this many holidays, each in the years 1900..2199: day counting then skips at most this many days beyond
     * the weekends, so no deadline computation runs away.
     */
    public static final int MAX_HOLIDAYS = 5000;

    public BusinessCalendar {
        if (id == null || id.isBlank()) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.CALENDAR_ID_MISSING, "a business calendar needs an id");
        }
        if (version < 1) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.CALENDAR_VERSION_INVALID,
                    "calendar versions start at 1, was " + version);
        }
        if (zone == null) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.CALENDAR_ZONE_MISSING, "calendar " + id + " has no time zone");
        }
        Set<DayOfWeek> weekend = weekendDays == null || weekendDays.isEmpty()
                ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekendDays);
        if (weekend.size() == 7) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.CALENDAR_NO_BUSINESS_DAYS,
                    "calendar " + id + " has no business day in the week");
        }
        weekendDays = Collections.unmodifiableSet(weekend);
        if (holidays != null && holidays.size() > MAX_HOLIDAYS) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.CALENDAR_HOLIDAYS_INVALID,
                    "calendar " + id + " has more than " + MAX_HOLIDAYS + " holidays");
        }
        if (holidays != null && holidays.stream().anyMatch(d -> d == null || d.getYear() < InstantRules.EARLIEST_YEAR
                || d.getYear() > InstantRules.LATEST_YEAR)) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.CALENDAR_HOLIDAYS_INVALID,
                    "calendar " + id + " has a holiday outside the years " + InstantRules.EARLIEST_YEAR + ".." + InstantRules.LATEST_YEAR);
        }
        holidays = Collections.unmodifiableSortedSet(holidays == null ? new TreeSet<>() : new TreeSet<>(holidays));
    }

    /** A calendar with the given weekend days and holidays (any collection of dates). */
    public static BusinessCalendar of(String id, int version, ZoneId zone, Set<DayOfWeek> weekendDays, Set<LocalDate> holidays) {
        return new BusinessCalendar(id, version, zone, weekendDays, holidays == null ? null : new TreeSet<>(holidays));
    }

    /** A calendar with Saturday and Sunday as weekend days. */
    public static BusinessCalendar mondayToFriday(String id, int version, ZoneId zone, Set<LocalDate> holidays) {
        return of(id, version, zone, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays);
    }

    /** A business day is neither a weekend day nor a holiday of this version. */
    public boolean isBusinessDay(LocalDate date) {
        return !weekendDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The next version, with these holidays (same zone and weekend). */
    public BusinessCalendar withHolidays(Set<LocalDate> newHolidays) {
        return of(id, version + 1, zone, weekendDays, newHolidays);
    }

    /** The holidays added or removed between this version and {@code other} (symmetric difference). */
    public SortedSet<LocalDate> changedHolidays(BusinessCalendar other) {
        SortedSet<LocalDate> changed = new TreeSet<>(holidays);
        changed.addAll(other.holidays);
        SortedSet<LocalDate> common = new TreeSet<>(holidays);
        common.retainAll(other.holidays);
        changed.removeAll(common);
        return changed;
    }
}
