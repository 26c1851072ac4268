package org.pledge.local.control;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ControlSocketTest {

    @Test
    void socket_isInTheDataFolder_unlessThatPathIsTooLongForAUnixSocket() {
        Path data = Path.of("/home/someone/pledge/.pledge");
        Path deep = Path.of("/home/someone/" + "very-long-folder-name/".repeat(5) + "pledge/.pledge");

        assertThat(ControlSocket.of(data)).isEqualTo(Path.of("/home/someone/pledge/.pledge/run/control.sock"));
        Path fallback = ControlSocket.of(deep);
        assertThat(fallback.toString().length()).isLessThanOrEqualTo(ControlSocket.MAX_PATH_BYTES);
        assertThat(fallback.getParent().getFileName().toString()).startsWith("pledge-local-");
        assertThat(ControlSocket.of(deep)).as("both ends find the same one").isEqualTo(fallback);
        assertThat(ControlSocket.of(deep.resolveSibling(".other"))).isNotEqualTo(fallback);
    }
}
