package io.tienda.platform.testing.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfraModeTest {

    @Test
    void autoUsesContainersOnlyWhenDockerAnswers() {
        assertThat(InfraMode.select("auto", () -> true)).isEqualTo(InfraMode.CONTAINERS);
        assertThat(InfraMode.select("auto", () -> false)).isEqualTo(InfraMode.EMBEDDED);
        assertThat(InfraMode.select(" AUTO ", () -> false)).isEqualTo(InfraMode.EMBEDDED);
    }

    @Test
    void embeddedNeverAsksDocker() {
        assertThat(InfraMode.select("embedded", () -> {
            throw new AssertionError("Docker probed");
        })).isEqualTo(InfraMode.EMBEDDED);
    }

    @Test
    void containersWithoutDockerFailsWithAWayOut() {
        assertThat(InfraMode.select("containers", () -> true)).isEqualTo(InfraMode.CONTAINERS);
        assertThatThrownBy(() -> InfraMode.select("containers", () -> false)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("tienda.infra=embedded");
    }

    @Test
    void rejectsUnknownValues() {
        assertThatThrownBy(() -> InfraMode.select("docker", () -> true)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("containers, embedded or auto");
    }

    @Test
    void thisMachineHasNoDocker() {
        // the build machines run without a Docker engine; the probe must say so quickly instead of hanging
        long start = System.nanoTime();
        boolean available = Docker.isAvailable();
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
        assertThat(InfraMode.select("auto", () -> available))
            .isEqualTo(available ? InfraMode.CONTAINERS : InfraMode.EMBEDDED);
    }

}
