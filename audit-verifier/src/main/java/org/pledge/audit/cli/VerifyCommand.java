package org.pledge.audit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.audit.AuditExport;
import org.pledge.audit.AuditKeys;
import org.pledge.audit.Break;
import org.pledge.audit.ExportVerifier;
import org.pledge.audit.CheckpointVerifier;
import org.pledge.audit.Verification;

/**
 * The offline verifier: checks an exported range of a service's audit chain with only the service's public key.
 *
 * <pre>
 * java -jar audit-verifier-&lt;version&gt;-cli.jar --public-key key.pem export.ndjson
 * </pre>
 *
 * The key file is a PEM public key, or the JSON answer of {@code GET /api/audit/public-key} (whose string member
 * holding the PEM is used).
 *
 * Exit status: {@value #OK} when the range verifies, {@value #BROKEN} when it does not (the first break is printed),
 * {@value #UNUSABLE} for bad usage or input that cannot be read (a missing file, a key that is not a PEM public key,
 * a file that is not an export).
 */
public final class VerifyCommand {

    /** The range verifies. */
    public static final int OK = 0;
    /** The chain breaks in the range. */
    public static final int BROKEN = 1;
    /** Bad usage, or input that cannot be read. */
    public static final int UNUSABLE = 2;

    private static final int MAX_PRINTED = 300;

    static final String USAGE = """
            usage: java -jar audit-verifier-cli.jar --public-key <key.pem> <export.ndjson>

            Verifies an audit export of a Pledge service (GET /api/audit/export) with the service's public key:
            a PEM file, or the JSON answer of GET /api/audit/public-key as it comes. Exit status: 0 the range
            verifies, 1 the chain breaks (the first break is printed), 2 bad usage or unreadable input.""";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit status. Results go to {@code out}, usage and input errors to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path keyFile = null;
        Path exportFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return OK;
            } else if (arg.equals("--public-key") && i + 1 < args.length && keyFile == null) {
                keyFile = Path.of(args[++i]);
            } else if (arg.startsWith("--public-key=") && keyFile == null) {
                keyFile = Path.of(arg.substring("--public-key=".length()));
            } else if (!arg.startsWith("-") && exportFile == null) {
                exportFile = Path.of(arg);
            } else {
                return usage(err, "unexpected argument " + arg);
            }
        }
        if (keyFile == null || exportFile == null) {
            return usage(err, keyFile == null ? "--public-key <key.pem> is required" : "an export file is required");
        }
        CheckpointVerifier verifier;
        try {
            PublicKey key = AuditKeys.readPublicKey(pem(Files.readString(keyFile, StandardCharsets.UTF_8)));
            verifier = new CheckpointVerifier(key);
        } catch (IOException | IllegalArgumentException e) {
            return unusable(err, "cannot read the public key " + keyFile + ": " + reason(e));
        }
        ExportVerifier.Checked checked;
        try {
            checked = ExportVerifier.check(exportFile, verifier);
        } catch (IOException | RuntimeException e) {
            return unusable(err, "cannot read the export " + exportFile + ": " + reason(e));
        }
        AuditExport.Header header = checked.header();
        Verification verification = checked.verification();
        String range = printable(header.service()) + " sequences " + header.from() + ".." + header.to();
        String key = "key " + verifier.keyId() + " (" + verifier.algorithm() + ")";
        if (verification.ok()) {
            out.println("OK: " + range + " verify with " + key + ": " + count(verification.eventsVerified(),
                    "sequence") + ", " + count(verification.checkpointsVerified(), "signed checkpoint") + ".");
            if (checked.lastSignedSequence() < header.to()) {
                out.println("Note: no checkpoint signs sequences " + (checked.lastSignedSequence() + 1) + ".."
                        + header.to() + " yet; they match their stored links, but only a later signed checkpoint"
                        + " vouches for them.");
            }
            return OK;
        }
        Break first = verification.firstBreak();
        out.println("BROKEN: " + range + " do not verify with " + key + ".");
        out.println("First break at sequence " + first.sequence() + ": " + first.kind());
        out.println("  " + printable(first.detail()));
        out.println("Verified before it: " + count(verification.eventsVerified(), "sequence") + ", "
                + count(verification.checkpointsVerified(), "signed checkpoint") + ".");
        return BROKEN;
    }

    /**
     * The PEM in {@code text}: the text itself, or, when it is the JSON answer of {@code GET /api/audit/public-key},
     * the first string member that holds a PEM public key.
     */
    static String pem(String text) throws IOException {
        if (!text.stripLeading().startsWith("{")) {
            return text;
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the key file is neither PEM nor JSON");
        }
        for (JsonNode member : json) {
            if (member.isTextual() && member.asText().contains("-----BEGIN PUBLIC KEY-----")) {
                return member.asText();
            }
        }
        throw new IllegalArgumentException("the JSON key file has no member with a PEM public key");
    }

    private static int usage(PrintStream err, String problem) {
        err.println("audit-verifier: " + printable(problem));
        err.println(USAGE);
        return UNUSABLE;
    }

    private static int unusable(PrintStream err, String problem) {
        err.println("audit-verifier: " + printable(problem));
        return UNUSABLE;
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** {@code text} safe for a terminal: what the export names (a service, a key id) may be anything. */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_PRINTED));
        for (int i = 0; i < text.length() && safe.length() < MAX_PRINTED; i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return text.length() > MAX_PRINTED ? safe + "..." : safe.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
