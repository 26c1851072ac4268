package org.pledge.contracts.audit;

import java.time.Instant;

/**
 * Data of {@code pledge.audit.checkpoint.v1}: a service signed the head of the hash chain over its event store
 * ({@code docs/audit.md}). Published so that a copy of the chain's head lives outside the service's database: an
 * auditor keeps these and checks later that the service's chain still leads to each of them.
 *
 * @param service   the service whose event store the chain covers ({@code spring.application.name}), also the key
 * @param sequence  the global sequence number of the event store the link is the chain's value at
 * @param link      the chain's link at {@code sequence}: SHA-256, 64 lowercase hex characters
 * @param signedAt  when the service signed it (its clock)
 * @param keyId     the signing key: the first 16 lowercase hex characters of the SHA-256 of its X.509-encoded public
 *                  key (the service serves the key at {@code GET /api/audit/public-key})
 * @param algorithm {@code Ed25519} or {@code SHA256withECDSA} (P-256)
 * @param signature the signature of the checkpoint's signed bytes, lowercase hex
 */
public record AuditCheckpointV1(
        String service,
        long sequence,
        String link,
        Instant signedAt,
        String keyId,
        String algorithm,
        String signature) {
}
