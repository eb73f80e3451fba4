package io.tienda.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tienda.fleet.ProcessesFile.Entry;
import io.tienda.fleet.ProcessesFile.ProbeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessesFileTest {

    @TempDir
    Path directory;

    @Test
    void readsBackWhatItWroteAndSkipsGarbage() throws Exception {
        Path file = directory.resolve(".fleet/processes");
        List<Entry> entries = List.of(new Entry("order-service", 4242, 8003, "order-service.jar",
                "http://localhost:8003/", ProbeKind.READINESS), new Entry("redis", 4243, 6379, "redis-server",
                        "redis://localhost:6379", ProbeKind.TCP));

        ProcessesFile.write(file, entries);
        Files.writeString(file, "half a line\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(ProcessesFile.read(file)).containsExactlyElementsOf(entries);
        assertThat(ProcessesFile.read(directory.resolve("missing"))).isEmpty();
    }

    @Test
    void aRecycledPidIsNotMistakenForTheServer() {
        long self = ProcessHandle.current().pid();

        assertThat(new Entry("me", self, 0, "java", "", ProbeKind.TCP).isAlive()).isTrue();
        assertThat(new Entry("order-service", self, 8003, "order-service.jar", "", ProbeKind.READINESS).isAlive())
            .isFalse();
    }

}
