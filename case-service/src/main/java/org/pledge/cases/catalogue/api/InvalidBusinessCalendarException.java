package org.pledge.cases.catalogue.api;

import org.pledge.cases.CaseServiceException;

/** A business calendar definition that breaks a catalogue rule (the calendar's own rules are {@code sla.calendar.*}). */
public class InvalidBusinessCalendarException extends CaseServiceException {

    /** A calendar id is 1-64 letters, digits, '-' or '_'. */
    public static final String ID_INVALID = "catalogue.calendar.id-invalid";
    /** Not an IANA time zone id (e.g. {@code America/Toronto}). */
    public static final String ZONE_INVALID = "catalogue.calendar.zone-invalid";

    public InvalidBusinessCalendarException(String errorCode, String message) {
        super(errorCode, message);
    }
}
