package org.pledge.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;

/**
 * The encoder behind {@link AuditRecord#canonicalBytes()} and {@link Checkpoint#signedBytes()}. The encoding is
 * specified in {@code docs/audit.md} ("The chain"); change it only with a new version prefix.
 *
 * <p>Fields, in a fixed order, each in one of these forms (all integers big-endian):
 * <ul>
 *   <li>number: 8 bytes, two's complement;</li>
 *   <li>text: {@code 0x00} for null; else {@code 0x01}, the UTF-8 length in 4 bytes, the UTF-8 bytes;</li>
 *   <li>digest: {@code 0x00} for null; else {@code 0x01} and the 32 bytes of SHA-256 of the UTF-8 bytes;</li>
 *   <li>time: {@code 0x00} for null; else {@code 0x01} and the epoch milliseconds as a number;</li>
 *   <li>bytes: {@code 0x00} for null; else {@code 0x01}, the length in 4 bytes, the bytes.</li>
 * </ul>
 *
 * <p>Not thread-safe: one instance per thread ({@link #local()}).
 */
final class CanonicalBytes {

    /** The first bytes of every record's link input: the version of this encoding. */
    static final byte[] RECORD_PREFIX = "pledge-audit/1".getBytes(StandardCharsets.US_ASCII);
    /** The first bytes of every checkpoint's signed bytes. */
    static final byte[] CHECKPOINT_PREFIX = "pledge-audit-checkpoint/1".getBytes(StandardCharsets.US_ASCII);

    private static final byte ABSENT = 0;
    private static final byte PRESENT = 1;
    private static final ThreadLocal<CanonicalBytes> LOCAL = ThreadLocal.withInitial(CanonicalBytes::new);

    private final MessageDigest fieldDigest = AuditLinks.sha256();
    private byte[] buffer = new byte[256];
    private int length;

    static CanonicalBytes local() {
        return LOCAL.get();
    }

    static byte[] encode(AuditRecord record, long position) {
        CanonicalBytes encoder = local();
        encoder.record(record, position);
        return encoder.toByteArray();
    }

    static byte[] encode(Checkpoint checkpoint) {
        CanonicalBytes encoder = local();
        encoder.checkpoint(checkpoint);
        return encoder.toByteArray();
    }

    /** Encodes {@code record} at {@code position} into this encoder's buffer (replacing what it held). */
    CanonicalBytes record(AuditRecord record, long position) {
        length = 0;
        raw(RECORD_PREFIX, 0, RECORD_PREFIX.length);
        number(position);
        text(record.kind());
        text(record.aggregateIdentifier());
        number(record.aggregateSequence());
        text(record.type());
        text(record.eventIdentifier());
        text(record.payloadType());
        text(record.payloadRevision());
        time(record.timestamp());
        digest(record.metaData());
        digest(record.payload());
        return this;
    }

    /** Encodes the signed bytes of {@code checkpoint} into this encoder's buffer (replacing what it held). */
    CanonicalBytes checkpoint(Checkpoint checkpoint) {
        length = 0;
        raw(CHECKPOINT_PREFIX, 0, CHECKPOINT_PREFIX.length);
        text(checkpoint.service());
        number(checkpoint.sequence());
        bytes(checkpoint.link());
        time(checkpoint.signedAt());
        text(checkpoint.keyId());
        text(checkpoint.algorithm());
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    /** Feeds the encoded bytes into {@code digest}. */
    void updateDigest(MessageDigest digest) {
        digest.update(buffer, 0, length);
    }

    private void number(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
    }

    private void length(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
    }

    private void text(String value) {
        if (value == null) {
            absent();
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        present();
        length(utf8.length);
        raw(utf8, 0, utf8.length);
    }

    private void digest(String value) {
        if (value == null) {
            absent();
            return;
        }
        present();
        byte[] hash = fieldDigest.digest(value.getBytes(StandardCharsets.UTF_8));
        raw(hash, 0, hash.length);
    }

    private void time(Instant value) {
        if (value == null) {
            absent();
            return;
        }
        present();
        number(value.toEpochMilli());
    }

    private void bytes(byte[] value) {
        if (value == null) {
            absent();
            return;
        }
        present();
        length(value.length);
        raw(value, 0, value.length);
    }

    private void absent() {
        ensure(1);
        buffer[length++] = ABSENT;
    }

    private void present() {
        ensure(1);
        buffer[length++] = PRESENT;
    }

    private void raw(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
