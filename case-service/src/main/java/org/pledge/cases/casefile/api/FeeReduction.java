package org.pledge.cases.casefile.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a submission pays less than the catalogue's fee at receipt: a fixed, documented set of reason codes (the
 * request's {@code feePaid.reductionReason}). Without one, the fee paid must equal the catalogue fee. A waiver pays
 * nothing; a concession pays less than the fee (possibly nothing).
 */
public enum FeeReduction {

    /** {@code hardship-waiver}: the fee is waived because the client cannot afford it (pays 0). */
    HARDSHIP_WAIVER("hardship-waiver", true),
    /** {@code concession}: a published reduced rate (seniors, students, children, ...); pays less than the fee. */
    CONCESSION("concession", false),
    /** {@code replacement-no-charge}: a replacement the service owes the client, e.g. for its own error (pays 0). */
    REPLACEMENT_NO_CHARGE("replacement-no-charge", true),
    /** {@code official-business}: applied for on behalf of a government body, which is not charged (pays 0). */
    OFFICIAL_BUSINESS("official-business", true);

    private final String code;
    private final boolean waiver;

    FeeReduction(String code, boolean waiver) {
        this.code = code;
        this.waiver = waiver;
    }

    /** The wire form, e.g. {@code hardship-waiver}. */
    public String code() {
        return code;
    }

    /** True when nothing is paid; false when the fee is only reduced. */
    public boolean waiver() {
        return waiver;
    }

    public static Optional<FeeReduction> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    /** The codes, for documentation and the request pattern. */
    public static final String CODES = "hardship-waiver, concession, replacement-no-charge, official-business";
    public static final String CODE_PATTERN = "hardship-waiver|concession|replacement-no-charge|official-business";
}
