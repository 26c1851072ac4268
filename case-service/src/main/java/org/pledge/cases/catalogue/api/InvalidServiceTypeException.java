package org.pledge.cases.catalogue.api;

import org.pledge.cases.CaseServiceException;

/** A service type (or an amount of money) that breaks a catalogue rule; see the code constants. */
public class InvalidServiceTypeException extends CaseServiceException {

    public static final String CODE_INVALID = "catalogue.service-type.code-invalid";
    /** Names in English ({@code en}) and French ({@code fr}) are required; language tags must be BCP 47. */
    public static final String NAMES_INVALID = "catalogue.service-type.names-invalid";
    public static final String FEE_MISSING = "catalogue.service-type.fee-missing";
    public static final String STANDARD_MISSING = "catalogue.service-type.standard-missing";
    /** The legal time limit is shorter than the service standard. */
    public static final String LEGAL_LIMIT_SHORTER = "catalogue.service-type.legal-limit-shorter-than-standard";
    /** The legal time limit counts in another unit than the standard, so it cannot be checked. */
    public static final String LEGAL_LIMIT_INCOMPARABLE = "catalogue.service-type.legal-limit-incomparable";
    public static final String AT_RISK_SHARE_INVALID = "catalogue.service-type.at-risk-share-invalid";
    public static final String CALENDAR_MISSING = "catalogue.service-type.calendar-missing";
    /** The service type names a business calendar that is not published. */
    public static final String CALENDAR_UNKNOWN = "catalogue.service-type.calendar-unknown";
    public static final String AVAILABLE_FROM_MISSING = "catalogue.service-type.available-from-missing";
    public static final String MONEY_AMOUNT_INVALID = "catalogue.money.amount-invalid";
    public static final String MONEY_CURRENCY_UNKNOWN = "catalogue.money.currency-unknown";

    public InvalidServiceTypeException(String errorCode, String message) {
        super(errorCode, message);
    }
}
