package org.pledge.cases.sla;

import java.util.Optional;

/**
 * Where the published business calendar versions are kept (port; the Mongo-backed adapter comes with
 * the catalogue's persistence). Published versions never change, so a lookup by id and version is stable
 * and safe to use from an event-sourced aggregate.
 */
public interface BusinessCalendars {

    /** The newest published version of the calendar. */
    Optional<BusinessCalendar> current(String calendarId);

    /** A given published version. */
    Optional<BusinessCalendar> version(String calendarId, int version);
}
