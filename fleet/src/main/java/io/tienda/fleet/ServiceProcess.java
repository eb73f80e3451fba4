package io.tienda.fleet;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A running service JVM whose output goes to {@code .fleet/logs/<service>.log}. */
final class ServiceProcess {

    /**
     * How large a running JVM's log may grow before the launcher moves it aside: the gateway writes an
     * access-log line of about 450 bytes per request, some 300 MB in one run of the gateway benchmark.
     */
    static final long MAX_LOG_BYTES = 64L * 1024 * 1024;

    private final ServiceSpec service;

    private final List<String> command;

    private final Map<String, String> environment;

    private final Path workingDirectory;

    private final Process process;

    private final Path log;

    private final Instant started;

    private ServiceProcess(ServiceSpec service, List<String> command, Map<String, String> environment,
            Path workingDirectory, Process process, Path log, Instant started) {
        this.service = service;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.process = process;
        this.log = log;
        this.started = started;
    }

    /**
     * Runs the service in its own session (setsid), so that Ctrl-C in the terminal reaches only the
     * launcher, which stops the services in order: gateway first, discovery last. The previous run's
     * log is kept as {@code <service>.log.1}.
     */
    static ServiceProcess start(ServiceSpec service, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path log) {
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start " + service.name(), ex);
        }
        return launch(service, command, environment, workingDirectory, log);
    }

    /**
     * The same command line in the same environment and directory again, after this JVM exited; its
     * output goes on in the same log, after the lines of the run that ended.
     */
    ServiceProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(service.name() + " (pid " + pid() + ") still runs");
        }
        return launch(service, command, environment, workingDirectory, log);
    }

    private static ServiceProcess launch(ServiceSpec service, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path log) {
        try {
            Files.createDirectories(workingDirectory);
            Files.createDirectories(log.getParent());
            List<String> full = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                full.add("/usr/bin/setsid");
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full);
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
            return new ServiceProcess(service, command, environment, workingDirectory, process, log, Instant.now());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start " + service.name(), ex);
        }
    }

    /**
     * Once the log is larger than {@code maxBytes}: copies it to {@code <service>.log.1} (in place of
     * what was there) and empties it. The JVM keeps writing through the descriptor it was started with,
     * opened for appending, so its next line lands at the start of the emptied file; no restart, no
     * signal (logrotate's "copytruncate"). Whatever the JVM writes between the copy and the emptying
     * is lost: a few lines at most, at the rate of the busiest log here.
     *
     * @return whether the log was moved aside
     */
    boolean boundLog(long maxBytes) throws IOException {
        if (!Files.exists(log) || Files.size(log) <= maxBytes) {
            return false;
        }
        Files.copy(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        return true;
    }

    /** Adds a line of the launcher's own to the service's log, e.g. why the next run starts. */
    void note(String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            // the launcher's output says it too
        }
    }

    ServiceSpec service() {
        return service;
    }

    /** The command line as {@link #start} was given it (without setsid). */
    List<String> command() {
        return command;
    }

    Map<String, String> environment() {
        return environment;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    Instant started() {
        return started;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** How the JVM ended: its exit status, or 128 + the signal that killed it (137 for SIGKILL). */
    int exitCode() {
        try {
            // Its ProcessHandle can report the exit a moment before this Process has reaped it.
            process.waitFor(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return process.exitValue();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGTERM: Spring Boot shuts down gracefully (in-flight requests, Kafka consumers, Eureka de-registration). */
    void requestStop() {
        process.destroy();
    }

    /** Waits for a requested stop, then kills the JVM if it is still there. */
    boolean finishStop(Duration grace) {
        boolean graceful = Processes.awaitExit(handle(), grace);
        if (!graceful) {
            Processes.stop(handle(), Duration.ZERO);
        }
        return graceful;
    }

    /**
     * When the launcher restarts a service whose JVM exited on its own (a crash, {@code kill -9}, the
     * OOM killer): after a backoff that doubles with each restart (1 s, 2 s, 4 s ... at most
     * {@code maxBackoff}), and at most {@code maxRestarts} times within any {@code window}. One more
     * exit within the window means the service cannot stay up, and the launcher gives up on it rather
     * than restart it in a loop that eats the machine's two cores. A service that stays up for a while
     * earns its restarts back as old ones leave the window. One policy per service; not thread-safe on
     * its own (the launcher asks under its lock).
     */
    static final class RestartPolicy {

        static final int MAX_RESTARTS = 5;

        static final Duration WINDOW = Duration.ofMinutes(5);

        static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

        static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

        private final int maxRestarts;

        private final Duration window;

        private final Duration firstBackoff;

        private final Duration maxBackoff;

        /** When each restart within the window was decided, oldest first. */
        private final Deque<Instant> restarts = new ArrayDeque<>();

        private boolean gaveUp;

        RestartPolicy(int maxRestarts, Duration window, Duration firstBackoff, Duration maxBackoff) {
            if (maxRestarts < 0 || window.isNegative() || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
                throw new IllegalArgumentException("bad restart policy");
            }
            this.maxRestarts = maxRestarts;
            this.window = window;
            this.firstBackoff = firstBackoff;
            this.maxBackoff = maxBackoff;
        }

        /** At most 5 restarts in 5 minutes, after 1 s, 2 s, 4 s, 8 s, 16 s. */
        static RestartPolicy standard() {
            return new RestartPolicy(MAX_RESTARTS, WINDOW, FIRST_BACKOFF, MAX_BACKOFF);
        }

        /** The service exited at {@code now}: the restart to make, or empty when it is time to give up. */
        Optional<Restart> onExit(Instant now) {
            if (gaveUp) {
                return Optional.empty();
            }
            while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(now.minus(window))) {
                restarts.removeFirst();
            }
            if (restarts.size() >= maxRestarts) {
                gaveUp = true;
                return Optional.empty();
            }
            restarts.addLast(now);
            int attempt = restarts.size();
            return Optional.of(new Restart(attempt, backoff(attempt)));
        }

        private Duration backoff(int attempt) {
            Duration backoff = firstBackoff;
            for (int i = 1; i < attempt && backoff.compareTo(maxBackoff) < 0; i++) {
                backoff = backoff.multipliedBy(2);
            }
            return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
        }

        int maxRestarts() {
            return maxRestarts;
        }

        Duration window() {
            return window;
        }

        boolean gaveUp() {
            return gaveUp;
        }

        /**
         * @param attempt which restart this is within the window, from 1
         * @param backoff how long to wait before starting the JVM again
         */
        record Restart(int attempt, Duration backoff) {
        }

    }

}
