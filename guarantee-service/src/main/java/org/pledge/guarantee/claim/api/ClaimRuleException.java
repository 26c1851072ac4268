package org.pledge.guarantee.claim.api;

/**
 * The claim refused a command for one of its rules; {@link #kind()} tells the web layer which answer fits. Codes:
 * <ul>
 * <li>{@link Kind#FOUR_EYES}: {@code claim.four-eyes} (the approver changed the claim last),
 *     {@code claim.already-approved} (the approver approved this round already);</li>
 * <li>{@link Kind#STATE}: {@code claim.not-awaiting-approval}, {@code claim.not-open} (payout details before the claim
 *     is open), {@code claim.refund-under-way} (payout details while a refund is being paid),
 *     {@code claim.closed} (payout details for a paid, rejected or closed claim);</li>
 * <li>{@link Kind#INPUT}: {@code claim.reason-required}, {@code claim.holder-mismatch} (the account's holder is not the
 *     claim's applicant), {@code claim.no-payout-method} (the policy allows no method that fits the claim),
 *     {@code claim.invalid-command}.</li>
 * </ul>
 */
public class ClaimRuleException extends GuaranteeClaimException {

    /** What kind of rule was broken. */
    public enum Kind { FOUR_EYES, STATE, INPUT }

    private final Kind kind;

    public ClaimRuleException(Kind kind, String code, String message) {
        super(code, message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ClaimRuleException fourEyes(String code, String message) {
        return new ClaimRuleException(Kind.FOUR_EYES, code, message);
    }

    public static ClaimRuleException state(String code, String message) {
        return new ClaimRuleException(Kind.STATE, code, message);
    }

    public static ClaimRuleException input(String code, String message) {
        return new ClaimRuleException(Kind.INPUT, code, message);
    }
}
