package io.tienda.platform.testing.infra;

import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A server binary written by the launcher may still be open for writing in a process another thread
 * has just forked; the kernel then refuses to run it for a moment. That refusal once failed a fleet
 * start ("setsid: failed to execute …/redis-server: Text file busy").
 */
class ChildProcessTest {

    @TempDir
    Path directory;

    @Test
    void anExecutableStillOpenForWritingIsRunOnceItIsClosed() throws Exception {
        Path script = executable("server.sh", "touch started\nexec sleep 30\n");
        Path log = directory.resolve("logs/server.log");
        CompletableFuture<ChildProcess> started;
        try (FileOutputStream writer = new FileOutputStream(script.toFile(), true)) {
            started = CompletableFuture.supplyAsync(() -> ChildProcess.startWritten(List.of(script.toString()),
                    directory, log, "the server", Duration.ofSeconds(10), () -> Files.exists(directory.resolve("started"))));
            await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(log) && Files.readString(log).contains("Text file busy"));
            assertThat(started).isNotDone();
            writer.write('\n');
        }
        ChildProcess process = started.get(15, TimeUnit.SECONDS);
        try {
            assertThat(process.isAlive()).isTrue();
            assertThat(directory.resolve("started")).exists();
        }
        finally {
            process.stop(Duration.ofSeconds(5));
        }
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void anyOtherFailureToStartIsReportedAtOnceWithTheLog() throws Exception {
        Path script = executable("broken.sh", "echo run >> runs\necho 'no configuration' >&2\nexit 3\n");
        Path log = directory.resolve("logs/broken.log");

        assertThatThrownBy(() -> ChildProcess.startWritten(List.of(script.toString()), directory, log, "the server",
                Duration.ofSeconds(10), () -> false))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("exited with code 3")
            .hasMessageContaining("no configuration");
        assertThat(Files.readAllLines(directory.resolve("runs"))).containsExactly("run");
    }

    private Path executable(String name, String body) throws Exception {
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

}
