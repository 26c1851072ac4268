package org.pledge.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's callback signature: {@code X-Signature-Timestamp: <epoch seconds>} and {@code X-Signature:
 * sha256=<hex of HMAC-SHA256(secret, "<timestamp>." + raw body)>}. The timestamp is inside the signed bytes, so a
 * captured callback cannot be replayed later with a fresh one; one older than the tolerance, or too far in the
 * future, is refused. The comparison takes the same time whatever the bytes.
 *
 * <p>Shared by every service that takes a provider's signed callbacks (guarantee-service's payments, notification-service's
 * SMS receipts); the local stack's sandboxes sign the same way. The caller reads the raw body itself (bounded), checks
 * it here before parsing it, and turns each {@link Verdict} into its own 401 problem.
 */
public final class CallbackSignature {

    public static final String SIGNATURE = "X-Signature";
    public static final String TIMESTAMP = "X-Signature-Timestamp";
    private static final String PREFIX = "sha256=";

    /** The result of a check. */
    public enum Verdict {
        VALID, MISSING, MALFORMED, MISMATCH, STALE, FUTURE
    }

    private CallbackSignature() {
    }

    /** {@code sha256=<hex>} for {@code body} signed at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks the two headers against the raw body.
     *
     * @param tolerance the oldest a signature may be
     * @param skew      how far in the future a signature's timestamp may be (the provider's clock may run ahead)
     */
    public static Verdict verify(String secret, String timestampHeader, String signatureHeader, byte[] body, Instant now,
                                 Duration tolerance, Duration skew) {
        if (timestampHeader == null || timestampHeader.isBlank() || signatureHeader == null || signatureHeader.isBlank()) {
            return Verdict.MISSING;
        }
        String timestampText = timestampHeader.trim();
        String signature = signatureHeader.trim();
        if (!timestampText.matches("[0-9]{1,12}") || !signature.matches("sha256=[0-9a-fA-F]{64}")) {
            return Verdict.MALFORMED;
        }
        long timestamp = Long.parseLong(timestampText);
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = (PREFIX + signature.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Verdict.MISMATCH;
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        if (signedAt.isBefore(now.minus(tolerance))) {
            return Verdict.STALE;
        }
        if (signedAt.isAfter(now.plus(skew))) {
            return Verdict.FUTURE;
        }
        return Verdict.VALID;
    }
}
