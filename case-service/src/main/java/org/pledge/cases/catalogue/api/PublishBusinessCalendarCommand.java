package org.pledge.cases.catalogue.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.pledge.platform.api.CommandTarget;

/**
 * Publishes a business calendar: version 1 when it is new, the next version when its zone, weekend days or
 * holidays differ from the newest version, nothing otherwise. Answers the newest version after the command.
 *
 * @param zone          an IANA zone id, e.g. {@code America/Toronto}
 * @param onlyIfMissing seeding: publish version 1 if the calendar does not exist, otherwise change nothing
 */
public record PublishBusinessCalendarCommand(@CommandTarget String calendarId, String zone, Set<DayOfWeek> weekendDays,
                                             Set<LocalDate> holidays, boolean onlyIfMissing, Instant now) {
}
