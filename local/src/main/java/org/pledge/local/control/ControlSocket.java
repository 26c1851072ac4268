package org.pledge.local.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a launcher listens for {@code status}, {@code restart} and {@code stop}: a Unix-domain socket that belongs
 * to its data folder, {@code <data>/run/control.sock}, in a directory only its user may enter (0700) and itself
 * readable and writable by that user only (0600). Whoever can use it could also kill the launcher: no secret needed.
 *
 * <p>A socket path has a hard length limit (108 bytes with its terminating NUL on Linux, 104 on macOS). When the data
 * folder's path is too long, the socket is {@code <tmp>/pledge-local-<user>/<hash of the data folder>.sock}
 * instead, found the same way by both ends.
 */
public final class ControlSocket {

    static final int MAX_PATH_BYTES = 100;
    private static final String NAME = "control.sock";

    private ControlSocket() {
    }

    public static Path of(Path data) {
        Path preferred = data.toAbsolutePath().normalize().resolve("run").resolve(NAME);
        if (preferred.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES) {
            return preferred;
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "pledge-local-" + System.getProperty("user.name", "user"));
        return dir.resolve(hash(data.toAbsolutePath().normalize().toString()) + ".sock");
    }

    /** Creates the socket's directory if needed and makes it private to this user. */
    static void prepareDirectory(Path socket) throws IOException {
        Path dir = socket.getParent();
        Files.createDirectories(dir);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static void makePrivate(Path socket) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
