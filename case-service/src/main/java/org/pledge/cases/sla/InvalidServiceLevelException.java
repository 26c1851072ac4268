package org.pledge.cases.sla;

import org.pledge.cases.CaseServiceException;

/** A service standard, business calendar or clock input that breaks a rule; see the code constants. */
public class InvalidServiceLevelException extends CaseServiceException {

    /** The text is not one of the documented forms of a service standard. */
    public static final String STANDARD_UNPARSEABLE = "sla.standard.unparseable";
    /** A standard must be at least one day or a positive duration. */
    public static final String STANDARD_NOT_POSITIVE = "sla.standard.not-positive";
    /** A day standard may not exceed {@value ServiceStandard#MAX_DAYS} days. */
    public static final String STANDARD_TOO_LONG = "sla.standard.too-long";
    public static final String CALENDAR_ID_MISSING = "sla.calendar.id-missing";
    public static final String CALENDAR_VERSION_INVALID = "sla.calendar.version-invalid";
    public static final String CALENDAR_ZONE_MISSING = "sla.calendar.zone-missing";
    /** Every day of the week is a weekend day: no deadline could ever be reached. */
    public static final String CALENDAR_NO_BUSINESS_DAYS = "sla.calendar.no-business-days";
    /** Too many holidays, or one outside the years 1900..2199. */
    public static final String CALENDAR_HOLIDAYS_INVALID = "sla.calendar.holidays-invalid";
    /** At-risk share outside (0, 1]. */
    public static final String AT_RISK_SHARE_INVALID = "sla.clock.at-risk-share-invalid";
    /** Pauses overlap, are out of order, end before they start or start before the clock. */
    public static final String PAUSES_INVALID = "sla.clock.pauses-invalid";
    public static final String CLOCK_INPUT_MISSING = "sla.clock.input-missing";

    public InvalidServiceLevelException(String errorCode, String message) {
        super(errorCode, message);
    }
}
