package org.pledge.audit;

import java.io.IOException;
import java.nio.file.Path;

/** A public key file and an export file for the command-line tests (in another package, hence public). */
public record CliFixtures(Path publicKey, Path export) {

    /** Writes the public key and an export of a 30-sequence chain with checkpoints every 5, signed with a new key. */
    public static CliFixtures write(Path dir, String algorithm) throws IOException {
        CheckpointSigner signer = new CheckpointSigner(AuditKeys.generate(algorithm));
        TestChain chain = TestChain.of(30, 5, signer);
        return new CliFixtures(TestExports.publicKey(signer, dir.resolve("public-key.pem")),
                TestExports.write(chain, 1, 30, dir.resolve("export.ndjson")));
    }

    /** Writes 1..to of a chain with checkpoints every 5 and its key as {@code tail-key.pem} in {@code dir}. */
    public static void writeUnsignedTail(Path dir, Path export, long to) throws IOException {
        CheckpointSigner signer = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));
        TestExports.publicKey(signer, dir.resolve("tail-key.pem"));
        TestExports.write(TestChain.of(30, 5, signer), 1, to, export);
    }

    /** Changes the payload of {@code sequence} in the export file. */
    public static void tamperPayloadOf(Path export, long sequence) throws IOException {
        TestExports.editLines(export, line -> line.replace("number " + sequence + "\\\"", "number 0\\\""));
    }
}
