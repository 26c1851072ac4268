package org.pledge.guarantee.transfer.api;

/**
 * A payment batch request refused, with a stable code (the problem type {@code urn:pledge:problem:<code>}) and a
 * message for finance that names no personal data. The web layer answers it as an RFC 9457 problem with the status of
 * its {@link Kind}.
 */
public class PaymentBatchException extends RuntimeException {

    /** What kind of refusal, for its HTTP status. */
    public enum Kind {
        /** 400: the file cannot be read as XML, or holds a DTD. */
        MALFORMED,
        /** 404: nothing to answer. */
        NOT_FOUND,
        /** 409: not in this state (the day is not over). */
        CONFLICT,
        /** 422: well-formed, but not a status report we can apply. */
        UNPROCESSABLE
    }

    public static final String MALFORMED = "payment-batch.malformed";
    public static final String DTD_FORBIDDEN = "payment-batch.dtd-forbidden";
    public static final String WRONG_MESSAGE_TYPE = "payment-batch.wrong-message-type";
    public static final String INVALID_REPORT = "payment-batch.invalid-report";
    public static final String FOREIGN_REPORT = "payment-batch.foreign-report";
    public static final String UNKNOWN_TRANSACTION = "payment-batch.unknown-transaction";
    public static final String OPEN = "payment-batch.open";
    public static final String EMPTY = "payment-batch.empty";

    private final String code;
    private final Kind kind;

    public PaymentBatchException(String code, Kind kind, String message) {
        super(message);
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
