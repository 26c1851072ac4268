package org.pledge.guarantee.circumstance.api;

/**
 * A declaration refused, with a stable {@code circumstance.<rule>} code: {@link Kind#INPUT} (the request's content,
 * 422) or {@link Kind#CONFLICT} (the Idempotency-Key was used for another declaration, 409). The message names no
 * personal data.
 */
public class CircumstanceRuleException extends RuntimeException {

    public static final String SERVICE_TYPES_MISSING = "circumstance.service-types-missing";
    public static final String SERVICE_TYPE_UNKNOWN = "circumstance.service-type-unknown";
    public static final String DATE_RANGE_INVALID = "circumstance.date-range-invalid";
    public static final String DATE_RANGE_TOO_LONG = "circumstance.date-range-too-long";
    public static final String BUSINESS_DAYS_INVALID = "circumstance.business-days-invalid";
    public static final String ADJUSTMENT_MISSING = "circumstance.adjustment-missing";
    public static final String LABEL_MISSING = "circumstance.label-missing";
    public static final String IDEMPOTENCY_KEY_REUSED = "circumstance.idempotency-key-reused";

    /** The longest range a declaration covers, in days (two years): a wider one is most likely a typing error. */
    public static final int MAX_RANGE_DAYS = 731;
    /** The most business days a declaration subtracts (a year of business days). */
    public static final int MAX_BUSINESS_DAYS = 260;

    /** What kind of rule was broken. */
    public enum Kind { INPUT, CONFLICT }

    private final Kind kind;
    private final String code;

    public CircumstanceRuleException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static CircumstanceRuleException input(String code, String message) {
        return new CircumstanceRuleException(Kind.INPUT, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
