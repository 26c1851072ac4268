package org.pledge.local.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import org.pledge.local.Http;

/**
 * Where a sandbox keeps its accepted requests across restarts: one JSON array, replaced atomically on every change.
 * Without a file (null) nothing is kept.
 */
final class SandboxStateFile {

    private final Path file;

    SandboxStateFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** Writes {@code entries} to a temporary file, then moves it over the state file. */
    void save(Collection<AcceptedRequest> entries) throws IOException {
        if (file == null) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Http.JSON.writeValue(tmp.toFile(), new ArrayList<>(entries));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The kept requests; none without a file or before the first save. */
    List<AcceptedRequest> load() throws IOException {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        return Http.JSON.readValue(file.toFile(), new TypeReference<List<AcceptedRequest>>() { });
    }
}
