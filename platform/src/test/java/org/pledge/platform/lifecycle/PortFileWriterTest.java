package org.pledge.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void write_createsTheFolder_andReplacesAnEarlierPort_leavingNoPartialFileBehind() throws Exception {
        Path file = dir.resolve("run/case-service.port");

        PortFileWriter.write(file, 41001);
        assertThat(file).hasContent("41001");

        PortFileWriter.write(file, 41002); // a restarted service listens elsewhere
        assertThat(file).hasContent("41002");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
