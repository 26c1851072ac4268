package org.pledge.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The links of the audit chain: link n = SHA-256(link n-1 ‖ canonical bytes of record n), starting from
 * {@link #GENESIS} before sequence 1.
 */
public final class AuditLinks {

    /**
     * The link "before" sequence 1: 32 zero bytes. Never modify it (Java arrays cannot be made read-only); hand
     * out {@link #genesis()} where a caller might.
     */
    public static final byte[] GENESIS = new byte[32];

    /** The length in bytes of every link. */
    public static final int LENGTH = 32;

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(AuditLinks::sha256);

    private AuditLinks() {
    }

    /** SHA-256({@code previous} ‖ {@code canonicalBytes}). */
    public static byte[] next(byte[] previous, byte[] canonicalBytes) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(canonicalBytes, "canonicalBytes");
        MessageDigest digest = DIGEST.get();
        digest.update(previous);
        return digest.digest(canonicalBytes);
    }

    /** The link after {@code previous} for {@code record} placed at {@code position}. */
    public static byte[] next(byte[] previous, AuditRecord record, long position) {
        Objects.requireNonNull(previous, "previous");
        MessageDigest digest = DIGEST.get();
        digest.update(previous);
        CanonicalBytes.local().record(record, position).updateDigest(digest);
        return digest.digest();
    }

    /** The genesis link, as a fresh array (nobody can change {@link #GENESIS} for others through it). */
    public static byte[] genesis() {
        return new byte[LENGTH];
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
