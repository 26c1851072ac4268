package org.pledge.local.sandbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The callback signature of the sandboxes: {@code X-Signature-Timestamp: <epoch seconds>} and
 * {@code X-Signature: sha256=<hex of HMAC-SHA256(secret, "<timestamp>." + raw body)>}. The timestamp is signed with
 * the body, so a receiver can refuse an old callback replayed with a fresh timestamp.
 */
public final class Hmac {

    public static final String HEADER = "X-Signature";
    public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    private static final String PREFIX = "sha256=";

    private Hmac() {
    }

    /** {@code sha256=<hex of HMAC-SHA256(secret, data)>}. */
    public static String sign(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code X-Signature} of {@code body} sent at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        byte[] prefix = (epochSeconds + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, data, 0, prefix.length);
        System.arraycopy(body, 0, data, prefix.length, body.length);
        return sign(secret, data);
    }

    /**
     * Constant-time check of received {@code X-Signature-Timestamp} and {@code X-Signature} headers against the body;
     * false too when the timestamp is more than {@code tolerance} away from {@code now}.
     */
    public static boolean verify(String secret, String timestamp, byte[] body, String header, Instant now, Duration tolerance) {
        if (header == null || timestamp == null || !timestamp.trim().matches("[0-9]{1,12}")) {
            return false;
        }
        long seconds = Long.parseLong(timestamp.trim());
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII),
                header.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
