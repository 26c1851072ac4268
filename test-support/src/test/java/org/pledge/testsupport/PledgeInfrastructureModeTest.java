package org.pledge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pledge.testsupport.PledgeInfrastructure.Mode;

class PledgeInfrastructureModeTest {

    @Test
    void auto_usesDocker_whenAnEngineAnswers() {
        assertThat(Mode.resolve("auto", () -> true)).isEqualTo(Mode.DOCKER);
        assertThat(Mode.resolve(null, () -> true)).isEqualTo(Mode.DOCKER);
    }

    @Test
    void auto_fallsBackToEmbedded_withoutDocker() {
        assertThat(Mode.resolve("", () -> false)).isEqualTo(Mode.EMBEDDED);
        assertThat(Mode.resolve(" AUTO ", () -> false)).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void embedded_isUsed_evenWhenDockerAnswers() {
        assertThat(Mode.resolve("embedded", () -> true)).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void docker_failsLoudly_withoutAnEngine() {
        assertThatThrownBy(() -> Mode.resolve("docker", () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine");
    }

    @Test
    void unknownSetting_isRejected() {
        assertThatThrownBy(() -> Mode.resolve("podman", () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("podman");
    }
}
