package org.pledge.cases.catalogue.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.pledge.platform.api.EventRevision;

/**
 * A version of a business calendar was published (versions are immutable). Open cases counting in the calendar
 * adopt a new version through {@code RecalculateDeadlineCommand}; resolved and withdrawn cases keep theirs.
 *
 * @param holidays        every holiday of this version, sorted
 * @param addedHolidays   holidays this version added to the previous one (all of them for version 1)
 * @param removedHolidays holidays of the previous version this one no longer has
 */
@EventRevision("1")
public record BusinessCalendarPublishedEvent(String calendarId, int version, String zone, Set<DayOfWeek> weekendDays, List<LocalDate> holidays,
                                             List<LocalDate> addedHolidays, List<LocalDate> removedHolidays, Instant publishedAt) {
}
