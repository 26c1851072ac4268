package org.pledge.audit;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/**
 * Verifies checkpoints against one public key. A checkpoint is accepted only when its key id is this key's, its
 * algorithm is this key's, and its signature over {@link Checkpoint#signedBytes()} verifies. Thread-safe.
 */
public final class CheckpointVerifier {

    private final PublicKey publicKey;
    private final String algorithm;
    private final String keyId;

    /** A verifier for checkpoints signed with the private key of {@code publicKey} (Ed25519 or EC P-256). */
    public CheckpointVerifier(PublicKey publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.algorithm = AuditKeys.algorithm(publicKey);
        this.keyId = AuditKeys.keyId(publicKey);
    }

    /** Whether {@code checkpoint} was signed with this key (false for anything malformed, never an exception). */
    public boolean verify(Checkpoint checkpoint) {
        if (checkpoint == null || checkpoint.signature() == null || checkpoint.link() == null
                || !keyId.equals(checkpoint.keyId()) || !algorithm.equals(checkpoint.algorithm())) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(publicKey);
            signature.update(checkpoint.signedBytes());
            return signature.verify(checkpoint.signature());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The public key. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The key id a checkpoint must carry. */
    public String keyId() {
        return keyId;
    }

    /** {@value AuditKeys#ED25519} or {@value AuditKeys#ECDSA_P256}. */
    public String algorithm() {
        return algorithm;
    }
}
