/**
 * The audit chain of a Pledge service, as an auditor checks it: plain Java (JDK and Jackson), no Spring, Axon or
 * MongoDB, so that the same code runs inside the services and in the offline verifier. The encoding is specified in
 * {@code docs/audit.md}, section "The chain".
 *
 * <p>Reading order:
 * <ol>
 *   <li>{@link org.pledge.audit.AuditRecord}: one global sequence number as stored, and its canonical bytes
 *       (encoded by the package-private {@code CanonicalBytes});</li>
 *   <li>{@link org.pledge.audit.AuditLinks}: link n = SHA-256(link n-1 ‖ canonical bytes n);</li>
 *   <li>{@link org.pledge.audit.Checkpoint}, {@link org.pledge.audit.AuditKeys},
 *       {@link org.pledge.audit.CheckpointSigner}, {@link org.pledge.audit.CheckpointVerifier}: the signed head;</li>
 *   <li>{@link org.pledge.audit.ChainVerifier} with {@link org.pledge.audit.Verification},
 *       {@link org.pledge.audit.Break} and {@link org.pledge.audit.BreakKind}: recomputing a range and naming the
 *       first break;</li>
 *   <li>{@link org.pledge.audit.AuditExport}: the NDJSON export, read and written one line at a time;
 *       {@link org.pledge.audit.ExportVerifier} verifies a file of it, and {@link org.pledge.audit.cli.VerifyCommand}
 *       is the command line around that.</li>
 * </ol>
 */
package org.pledge.audit;
