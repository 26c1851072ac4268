package org.pledge.platform.web;

/**
 * What an {@code Idempotency-Key} header may be: 1 to 128 visible characters from a small set (letters, digits and
 * {@code . _ ~ : + / = -}), enough for UUIDs, ULIDs, base64 and readable keys. No blanks, control characters or commas:
 * a key is compared byte for byte, and two {@code Idempotency-Key} headers (which a server reads as one value joined by
 * a comma) are refused instead of being taken for a third key. Use on the header parameter:
 * {@code @RequestHeader("Idempotency-Key") @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE)}.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final String PATTERN = "[A-Za-z0-9._~:+/=-]{1,128}";
    public static final String MESSAGE = "must be one key of 1 to 128 characters: letters, digits and . _ ~ : + / = -";

    private IdempotencyKey() {
    }
}
