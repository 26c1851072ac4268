package org.pledge.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed statement "the chain of {@code service} had {@code link} at {@code sequence}", made with the service's
 * audit key. Byte arrays are held as given (not copied): do not modify them after handing them over.
 *
 * @param service   the service whose chain this is (its application name)
 * @param sequence  the global sequence number whose link is signed
 * @param link      the link at {@code sequence} (32 bytes)
 * @param signedAt  when the checkpoint was made (signed with millisecond precision)
 * @param keyId     {@link AuditKeys#keyId(java.security.PublicKey)} of the signing key
 * @param algorithm {@value AuditKeys#ED25519} or {@value AuditKeys#ECDSA_P256}
 * @param signature the signature of {@link #signedBytes()} (Ed25519: 64 bytes; ECDSA: DER)
 */
public record Checkpoint(String service, long sequence, byte[] link, Instant signedAt, String keyId, String algorithm,
                         byte[] signature) {

    /**
     * The bytes the signature covers: the encoding defined in {@code docs/audit.md} ("The chain", checkpoints). The
     * signature itself is not part of them.
     */
    public byte[] signedBytes() {
        return CanonicalBytes.encode(this);
    }

    /** The same checkpoint with {@code signature}. */
    public Checkpoint withSignature(byte[] signature) {
        return new Checkpoint(service, sequence, link, signedAt, keyId, algorithm, signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && sequence == that.sequence
                && Objects.equals(service, that.service)
                && Arrays.equals(link, that.link)
                && Objects.equals(signedAt, that.signedAt)
                && Objects.equals(keyId, that.keyId)
                && Objects.equals(algorithm, that.algorithm)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, sequence, Arrays.hashCode(link), signedAt, keyId, algorithm,
                Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "Checkpoint[service=" + service + ", sequence=" + sequence + ", link=" + hex(link) + ", signedAt="
                + signedAt + ", keyId=" + keyId + ", algorithm=" + algorithm + ", signature=" + hex(signature) + "]";
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : HexFormat.of().formatHex(bytes);
    }
}
