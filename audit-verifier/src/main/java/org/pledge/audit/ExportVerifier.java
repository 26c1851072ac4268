package org.pledge.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies an {@link AuditExport} file with a service's public key, in two streaming passes (checkpoints come last),
 * holding only the checkpoints and two records in memory: what the offline verifier runs.
 */
public final class ExportVerifier {

    private ExportVerifier() {
    }

    /**
     * Verifies the export in {@code file} with the service's public key: the start (the genesis link from
     * sequence 1, else the start checkpoint at {@code from - 1}, signed, of the header's service and naming
     * {@code startLink}), then the range with {@link ChainVerifier}. Checkpoints of another service are
     * {@link BreakKind#CHECKPOINT_MISMATCH}.
     *
     * <p>Record lines are read in file order, as the chain is walked: a sequence whose line is not in its place
     * reads as {@link BreakKind#MISSING} there; a sequence that repeats is not a readable export.
     *
     * @throws AuditExport.FormatException when the file is not a readable export (a line not JSON, a sequence that repeats, a
     *                         record after the checkpoints, a header without its members)
     * @throws IOException     when the file cannot be read
     */
    public static Verification verify(Path file, CheckpointVerifier verifier) throws IOException {
        return check(file, verifier).verification();
    }

    /**
     * What {@link #verify(Path, CheckpointVerifier)} found, with the export's header and the highest sequence a
     * checkpoint signs (the start checkpoint's included; 0 when the range starts at 1 and no checkpoint is in it).
     * Sequences after it are consistent with the stored links, but only a later checkpoint can vouch for them.
     */
    public record Checked(AuditExport.Header header, Verification verification, long lastSignedSequence) {
    }

    /** As {@link #verify(Path, CheckpointVerifier)}, with the header and the last signed sequence. */
    public static Checked check(Path file, CheckpointVerifier verifier) throws IOException {
        Objects.requireNonNull(verifier, "verifier");
        AuditExport.Header header;
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (AuditExport.Reader reader = AuditExport.reader(Files.newInputStream(file))) {
            header = reader.header();
            boolean inCheckpoints = false;
            for (String text = reader.nextText(); text != null; text = reader.nextText()) {
                // a JSON string cannot hold an unescaped quote, so only a member name or value "signature" matches
                if (text.contains("\"signature\"") && reader.parse(text) instanceof AuditExport.CheckpointLine line) {
                    checkpoints.add(line.checkpoint());
                    inCheckpoints = true;
                } else if (inCheckpoints) {
                    throw new AuditExport.FormatException(reader.lineNumber(), "a record after the checkpoints");
                }
            }
        }
        long lastSigned = header.from() - 1;
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.sequence() >= header.from() && checkpoint.sequence() <= header.to()) {
                lastSigned = Math.max(lastSigned, checkpoint.sequence());
            }
        }
        Break startBreak = checkStart(header, verifier);
        if (startBreak != null) {
            return new Checked(header, Verification.broken(header.from(), header.to(), 0, 0, startBreak), lastSigned);
        }
        try (AuditExport.Reader reader = AuditExport.reader(Files.newInputStream(file))) {
            reader.header();
            return new Checked(header, new ChainVerifier().verify(header.from(), header.to(), header.startLink(),
                    new StreamedSource(reader), checkpoints, verifier, header.service()), lastSigned);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Break checkStart(AuditExport.Header header, CheckpointVerifier verifier) {
        long before = header.from() - 1;
        if (header.from() == 1) {
            return Arrays.equals(header.startLink(), AuditLinks.GENESIS) ? null : new Break(0,
                    BreakKind.CHECKPOINT_MISMATCH, "an export from sequence 1 must start from the genesis link");
        }
        Checkpoint start = header.startCheckpoint();
        if (start == null || start.sequence() != before) {
            return new Break(before, BreakKind.CHECKPOINT_SIGNATURE, "the export starts at sequence "
                    + header.from() + " without a signed checkpoint at sequence " + before);
        }
        if (!verifier.verify(start)) {
            return new Break(before, BreakKind.CHECKPOINT_SIGNATURE, "the start checkpoint at sequence " + before
                    + " does not verify with key " + verifier.keyId() + "; it names key " + start.keyId());
        }
        if (!Objects.equals(start.service(), header.service())) {
            return new Break(before, BreakKind.CHECKPOINT_MISMATCH, "the start checkpoint is of service "
                    + start.service() + ", the export of " + header.service());
        }
        if (!Arrays.equals(start.link(), header.startLink())) {
            return new Break(before, BreakKind.CHECKPOINT_MISMATCH,
                    "the start link is not the link the start checkpoint signs");
        }
        return null;
    }

    /** The records of a reader as the chain walk asks for them: in ascending order, two at a time. */
    private static final class StreamedSource implements ChainVerifier.Source {
        private final AuditExport.Reader reader;
        private final Map<Long, AuditExport.RecordLine> window = new HashMap<>();
        private long highestRead = Long.MIN_VALUE;
        private boolean exhausted;

        StreamedSource(AuditExport.Reader reader) {
            this.reader = reader;
        }

        @Override
        public AuditRecord record(long sequence) {
            AuditExport.RecordLine line = at(sequence);
            return line == null ? null : line.record();
        }

        @Override
        public byte[] link(long sequence) {
            AuditExport.RecordLine line = at(sequence);
            return line == null ? null : line.link();
        }

        private AuditExport.RecordLine at(long sequence) {
            try {
                while (!exhausted && highestRead < sequence) {
                    AuditExport.Line line = reader.next();
                    if (!(line instanceof AuditExport.RecordLine recordLine)) {
                        exhausted = true;
                        break;
                    }
                    long read = recordLine.record().sequence();
                    if (read <= highestRead) {
                        throw new AuditExport.FormatException(reader.lineNumber(), "sequence " + read + " after " + highestRead
                                + ": records are not in ascending order");
                    }
                    window.put(read, recordLine);
                    highestRead = read;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            window.keySet().removeIf(read -> read < sequence - 1);
            return window.get(sequence);
        }
    }
}
