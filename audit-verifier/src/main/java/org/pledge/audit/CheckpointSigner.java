package org.pledge.audit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Signs checkpoints with one audit key pair. The algorithm follows the key ({@link AuditKeys#algorithm}); the key id
 * is {@link AuditKeys#keyId} of its public key. Thread-safe.
 */
public final class CheckpointSigner {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String algorithm;
    private final String keyId;

    /** A signer for {@code keyPair} (Ed25519 or EC P-256). */
    public CheckpointSigner(KeyPair keyPair) {
        Objects.requireNonNull(keyPair, "keyPair");
        this.privateKey = Objects.requireNonNull(keyPair.getPrivate(), "private key");
        this.publicKey = Objects.requireNonNull(keyPair.getPublic(), "public key");
        this.algorithm = AuditKeys.algorithm(privateKey);
        if (!algorithm.equals(AuditKeys.algorithm(publicKey))) {
            throw new IllegalArgumentException("the private and public key are of different algorithms");
        }
        this.keyId = AuditKeys.keyId(publicKey);
    }

    /**
     * The checkpoint "the chain of {@code service} had {@code link} at {@code sequence}", signed now.
     * {@code signedAt} is kept to the millisecond (what the signature covers and what a store keeps).
     */
    public Checkpoint sign(String service, long sequence, byte[] link, Instant signedAt) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(signedAt, "signedAt");
        Checkpoint unsigned = new Checkpoint(service, sequence, link.clone(), signedAt.truncatedTo(ChronoUnit.MILLIS),
                keyId, algorithm, null);
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(privateKey);
            signature.update(unsigned.signedBytes());
            return unsigned.withSignature(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint with " + algorithm, e);
        }
    }

    /** The public key whose private key signs. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The key id written into every checkpoint. */
    public String keyId() {
        return keyId;
    }

    /** {@value AuditKeys#ED25519} or {@value AuditKeys#ECDSA_P256}. */
    public String algorithm() {
        return algorithm;
    }

    /** A verifier for what this signer signs. */
    public CheckpointVerifier verifier() {
        return new CheckpointVerifier(publicKey);
    }
}
