package io.tienda.fleet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tienda.fleet.ServiceProcess.RestartPolicy;
import io.tienda.fleet.ServiceProcess.RestartPolicy.Restart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceProcessTest {

    private static final Instant T0 = Instant.parse("2026-12-02T23:00:00Z");

    @TempDir
    Path directory;

    @Test
    void restartsAfterABackoffThatDoublesWithEachRestart() {
        RestartPolicy policy = RestartPolicy.standard();

        assertThat(policy.onExit(T0)).contains(new Restart(1, Duration.ofSeconds(1)));
        assertThat(policy.onExit(T0.plusSeconds(10))).contains(new Restart(2, Duration.ofSeconds(2)));
        assertThat(policy.onExit(T0.plusSeconds(20))).contains(new Restart(3, Duration.ofSeconds(4)));
        assertThat(policy.onExit(T0.plusSeconds(30))).contains(new Restart(4, Duration.ofSeconds(8)));
        assertThat(policy.onExit(T0.plusSeconds(40))).contains(new Restart(5, Duration.ofSeconds(16)));
        assertThat(policy.gaveUp()).isFalse();
    }

    @Test
    void givesUpOnTheSixthExitWithinFiveMinutesAndStaysGivenUp() {
        RestartPolicy policy = RestartPolicy.standard();
        for (int i = 0; i < 5; i++) {
            assertThat(policy.onExit(T0.plusSeconds(i * 50L))).isPresent();
        }

        assertThat(policy.onExit(T0.plus(Duration.ofMinutes(4)).plusSeconds(59))).isEmpty();
        assertThat(policy.gaveUp()).isTrue();
        // nothing brings a service back once the launcher gave up on it
        assertThat(policy.onExit(T0.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCount() {
        RestartPolicy policy = RestartPolicy.standard();
        for (int i = 0; i < 5; i++) {
            policy.onExit(T0.plusSeconds(i));
        }

        // exactly five minutes after the first one, it has left the window: one slot free again
        assertThat(policy.onExit(T0.plus(Duration.ofMinutes(5)))).contains(new Restart(5, Duration.ofSeconds(16)));
        // a service that stayed up for long starts over with a short backoff
        assertThat(policy.onExit(T0.plus(Duration.ofMinutes(30)))).contains(new Restart(1, Duration.ofSeconds(1)));
    }

    @Test
    void theBackoffIsCapped() {
        RestartPolicy policy = new RestartPolicy(10, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30));
        Optional<Restart> last = Optional.empty();
        for (int i = 0; i < 10; i++) {
            last = policy.onExit(T0.plusSeconds(i));
        }

        assertThat(last).contains(new Restart(10, Duration.ofSeconds(30)));
        assertThat(policy.onExit(T0.plusSeconds(11))).isEmpty();
    }

    @Test
    void aPolicyWithoutRestartsGivesUpAtOnce() {
        assertThat(new RestartPolicy(0, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(1)).onExit(T0))
            .isEmpty();
        assertThatThrownBy(() -> new RestartPolicy(1, Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(1)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRestartRunsTheSameCommandInTheSameEnvironmentAndAppendsToTheLog() throws Exception {
        ServiceSpec service = Catalog.byName("order-service").orElseThrow();
        Path log = directory.resolve("logs/order-service.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "the previous run\n");
        List<String> command = List.of("/bin/sh", "-c", "echo \"run $GREETING\"; exit 3");

        ServiceProcess first = ServiceProcess.start(service, command, Map.of("GREETING", "hola"),
                directory.resolve("work"), log);
        assertThat(Processes.awaitExit(first.handle(), Duration.ofSeconds(10))).isTrue();
        assertThat(first.exitCode()).isEqualTo(3);
        first.note("[   9 s] order-service exited with code 3; restarting (attempt 1)");

        ServiceProcess second = first.restart();
        assertThat(Processes.awaitExit(second.handle(), Duration.ofSeconds(10))).isTrue();

        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(second.command()).isEqualTo(command);
        assertThat(second.environment()).isEqualTo(Map.of("GREETING", "hola"));
        assertThat(second.exitCode()).isEqualTo(3);
        assertThat(Files.readAllLines(log, StandardCharsets.UTF_8)).containsExactly("run hola",
                "[   9 s] order-service exited with code 3; restarting (attempt 1)", "run hola");
        assertThat(directory.resolve("logs/order-service.log.1")).hasContent("the previous run");
    }

    @Test
    void aLogPastItsBoundIsMovedAsideAndTheRunningJvmWritesOnIntoTheEmptiedFile() throws Exception {
        ServiceSpec service = Catalog.byName("gateway").orElseThrow();
        Path log = directory.resolve("logs/gateway.log");
        Path go = directory.resolve("work/go");
        ServiceProcess running = ServiceProcess.start(service,
                List.of("/bin/sh", "-c", "echo before; while [ ! -e go ]; do sleep 0.05; done; echo after; sleep 30"),
                Map.of(), directory.resolve("work"), log);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).equals("before\n"));
            assertThat(running.boundLog(7)).as("7 bytes are not more than 7").isFalse();

            assertThat(running.boundLog(6)).isTrue();
            assertThat(log).isEmptyFile();
            assertThat(directory.resolve("logs/gateway.log.1")).hasContent("before");

            Files.createFile(go);
            // appended at the start of the emptied file, not after a hole as long as what was there
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(log) > 0);
            assertThat(Files.readString(log)).isEqualTo("after\n");
            assertThat(running.boundLog(6)).isFalse();
        }
        finally {
            running.requestStop();
            running.finishStop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aJvmThatStillRunsIsNotStartedTwice() throws Exception {
        ServiceSpec service = Catalog.byName("order-service").orElseThrow();
        ServiceProcess running = ServiceProcess.start(service, List.of("/bin/sh", "-c", "sleep 30"), Map.of(),
                directory.resolve("work"), directory.resolve("logs/order-service.log"));
        try {
            assertThatThrownBy(running::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("still runs");
        }
        finally {
            running.requestStop();
            running.finishStop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aJvmKilledBySigkillReportsExitCode137() throws Exception {
        ServiceSpec service = Catalog.byName("order-service").orElseThrow();
        ServiceProcess running = ServiceProcess.start(service, List.of("/bin/sh", "-c", "sleep 30"), Map.of(),
                directory.resolve("work"), directory.resolve("logs/order-service.log"));
        running.handle().destroyForcibly();

        assertThat(Processes.awaitExit(running.handle(), Duration.ofSeconds(10))).isTrue();
        assertThat(running.exitCode()).isEqualTo(137);
    }

}
