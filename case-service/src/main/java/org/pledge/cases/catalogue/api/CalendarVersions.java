package org.pledge.cases.catalogue.api;

import java.time.Duration;
import java.util.Map;

/**
 * Which versions of the business calendars the catalogue has published (port; the catalogue's read model answers it).
 * Cases use it to move onto the newest version of their calendar.
 */
public interface CalendarVersions {

    /** The newest published version of every calendar, by calendar id. */
    Map<String, Integer> newestVersions();

    /** Waits (bounded) until this version of the calendar can be looked up; false on time-out. */
    boolean awaitCalendar(String calendarId, int version, Duration timeout);
}
