package org.pledge.cases.casefile.api;

import org.pledge.cases.CaseServiceException;

/** A case command whose content breaks a rule (HTTP 422, or 404 for unknown references); see the codes. */
public class InvalidCaseCommandException extends CaseServiceException {

    public static final String SERVICE_TYPE_UNKNOWN = "case.service-type-unknown";
    public static final String CALENDAR_UNKNOWN = "case.calendar-unknown";
    public static final String CALENDAR_MISMATCH = "case.calendar-mismatch";
    /** The stated receipt instant is after the submission instant. */
    public static final String RECEIVED_AT_IN_FUTURE = "case.received-at-in-future";
    /** The application would have been received before the service type existed. */
    public static final String RECEIVED_BEFORE_SERVICE_EXISTED = "case.received-before-service-existed";
    /** Only paper and mail-in channels may state an earlier receipt instant. */
    public static final String RECEIVED_AT_NOT_ALLOWED = "case.received-at-not-allowed";
    /** A stated receipt instant needs who stated it. */
    public static final String RECEIVED_AT_STATED_BY_MISSING = "case.received-at-stated-by-missing";
    public static final String APPLICANT_INVALID = "case.applicant-invalid";
    public static final String LANGUAGE_INVALID = "case.language-invalid";
    /** The preferred channel has no contact point (EMAIL needs an email, SMS a phone, LETTER an address). */
    public static final String CONTACT_MISSING = "case.contact-missing-for-preferred-channel";
    public static final String FEE_MISSING = "case.fee-missing";
    /** The fee paid is not the catalogue's fee at receipt, and no reduction reason says why. */
    public static final String FEE_MISMATCH = "case.fee-mismatch";
    /** The fee paid is in another currency than the catalogue's fee. */
    public static final String FEE_CURRENCY_MISMATCH = "case.fee-currency-mismatch";
    /** The reduction reason is unknown, or the amount does not fit it (a waiver pays 0, a concession less than the fee). */
    public static final String FEE_REDUCTION_INVALID = "case.fee-reduction-invalid";
    /** A FOLLOW_UP case cannot be submitted: it comes from the feedback flow or {@code POST /api/cases/{caseId}/follow-ups}. */
    public static final String FOLLOW_UP_NOT_SUBMITTABLE = "case.follow-up-not-submittable";
    /** An instant the clock would use lies outside 1900-01-01 .. 2200-01-01. */
    public static final String INSTANT_OUT_OF_RANGE = "case.instant-out-of-range";
    public static final String FIELD_MISSING = "case.field-missing";
    /** Reason codes are lower-case words: letters, digits, '.', '-' or '_'. */
    public static final String REASON_CODE_INVALID = "case.reason-code-invalid";
    /** A payment reference is a provider's id: a letter or digit, then letters, digits, '.', '_', ':' or '-'; 64 at most. */
    public static final String PAYMENT_REFERENCE_INVALID = "case.payment-reference-invalid";
    /** The command's instant is before the case's last change: commands must arrive in time order. */
    public static final String OUT_OF_ORDER = "case.command-out-of-order";
    /** The case id is taken by another case. */
    public static final String CASE_EXISTS = "case.already-exists";

    public InvalidCaseCommandException(String errorCode, String message) {
        super(errorCode, message);
    }
}
