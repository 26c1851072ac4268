package org.pledge.notification.template.api;

/**
 * How a placeholder's raw value (always a string in {@link Trigger}'s values) is written in a message, per language.
 */
public enum PlaceholderType {
    /** Written as it is. */
    TEXT,
    /** Raw: an ISO-8601 instant; written as a date in the business time zone, in the language's long form. */
    DATE,
    /** Raw: {@code "<decimal amount> <ISO currency>"}, e.g. {@code "30.00 CAD"}; written in the language's money format. */
    MONEY,
    /** Raw: a code (a service type, reason code, outcome, payment method); written as the language's wording for it, or the code. */
    CODE
}
