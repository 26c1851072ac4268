package org.pledge.cases.catalogue.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.cases.catalogue.api.BusinessCalendarPublishedEvent;
import org.pledge.cases.catalogue.api.InvalidBusinessCalendarException;
import org.pledge.cases.catalogue.api.PublishBusinessCalendarCommand;
import org.pledge.cases.sla.BusinessCalendar;

/**
 * A versioned business calendar (id = the calendar id). A change of zone, weekend days or holidays publishes the
 * next version ({@link BusinessCalendarPublishedEvent}); published versions never change. The rules of one version
 * are {@link BusinessCalendar}'s.
 */
@Aggregate
public class BusinessCalendarAggregate {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    @AggregateIdentifier
    private String calendarId;
    private BusinessCalendar newest;

    /** For Axon. */
    protected BusinessCalendarAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(PublishBusinessCalendarCommand command) {
        boolean exists = newest != null;
        if (exists && command.onlyIfMissing()) {
            return newest.version();
        }
        if (command.calendarId() == null || !ID.matcher(command.calendarId()).matches()) {
            throw new InvalidBusinessCalendarException(InvalidBusinessCalendarException.ID_INVALID,
                    "a calendar id is 1-64 letters, digits, '-' or '_', was " + command.calendarId());
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(command.zone() == null ? "" : command.zone());
        } catch (DateTimeException e) {
            throw new InvalidBusinessCalendarException(InvalidBusinessCalendarException.ZONE_INVALID, "not a time zone id: " + command.zone());
        }
        int version = exists ? newest.version() + 1 : 1;
        BusinessCalendar next = BusinessCalendar.of(command.calendarId(), version, zone, command.weekendDays(), command.holidays());
        if (exists && next.zone().equals(newest.zone()) && next.weekendDays().equals(newest.weekendDays())
                && next.holidays().equals(newest.holidays())) {
            return newest.version(); // the same calendar again: no new version
        }
        SortedSet<LocalDate> previous = exists ? newest.holidays() : new TreeSet<>();
        List<LocalDate> added = new ArrayList<>(next.holidays());
        added.removeAll(previous);
        List<LocalDate> removed = new ArrayList<>(previous);
        removed.removeAll(next.holidays());
        apply(new BusinessCalendarPublishedEvent(next.id(), version, zone.getId(), Set.copyOf(next.weekendDays()),
                List.copyOf(next.holidays()), added, removed, command.now()));
        return version;
    }

    @EventSourcingHandler
    void on(BusinessCalendarPublishedEvent event) {
        calendarId = event.calendarId();
        newest = calendarOf(event);
    }

    /** The calendar version an event published. */
    public static BusinessCalendar calendarOf(BusinessCalendarPublishedEvent event) {
        return BusinessCalendar.of(event.calendarId(), event.version(), ZoneId.of(event.zone()), event.weekendDays(), Set.copyOf(event.holidays()));
    }
}
