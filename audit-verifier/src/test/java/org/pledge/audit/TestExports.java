package org.pledge.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Exports of a {@link TestChain} as files, and edits of their lines. */
final class TestExports {

    private TestExports() {
    }

    /** Writes [from, to] of {@code chain} as the platform does, with the checkpoint at from - 1 when from > 1. */
    static Path write(TestChain chain, long from, long to, Path file) throws IOException {
        byte[] startLink = from == 1 ? AuditLinks.GENESIS : chain.links.get(from - 1);
        Checkpoint start = from == 1 ? null : chain.checkpoints.stream()
                .filter(c -> c.sequence() == from - 1).findFirst().orElseThrow();
        try (AuditExport.Writer writer = AuditExport.writer(Files.newOutputStream(file))) {
            writer.header(new AuditExport.Header(TestChain.SERVICE, from, to, startLink, start));
            for (long sequence = from; sequence <= to; sequence++) {
                if (chain.records.containsKey(sequence)) {
                    writer.record(chain.records.get(sequence), chain.links.get(sequence));
                }
            }
            for (Checkpoint checkpoint : chain.checkpoints) {
                if (checkpoint.sequence() >= from && checkpoint.sequence() <= to) {
                    writer.checkpoint(checkpoint);
                }
            }
        }
        return file;
    }

    /** Applies {@code edit} to every line of {@code file} (a line edited to null is dropped). */
    static void editLines(Path file, UnaryOperator<String> edit) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String edited = lines.stream().map(edit).filter(line -> line != null)
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, edited, StandardCharsets.UTF_8);
    }

    /** Writes the public key of {@code signer} as PEM. */
    static Path publicKey(CheckpointSigner signer, Path file) throws IOException {
        return Files.writeString(file, AuditKeys.writePem(signer.publicKey()), StandardCharsets.US_ASCII);
    }
}
