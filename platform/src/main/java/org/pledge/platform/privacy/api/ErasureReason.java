package org.pledge.platform.privacy.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Why a data subject was erased: a code, never free text (which could hold personal data). */
public enum ErasureReason {
    /** The person asked (e.g. GDPR art. 17, PIPEDA principle 4.5). */
    SUBJECT_REQUEST("subject-request"),
    /** The retention period of what the service held ran out. */
    RETENTION("retention"),
    /** A law or an order requires it. */
    LEGAL_OBLIGATION("legal-obligation");

    /** Every code, in the order above. */
    public static final List<String> CODES = Arrays.stream(values()).map(ErasureReason::code).toList();

    private final String code;

    ErasureReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The reason with this code, if any. */
    public static Optional<ErasureReason> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
