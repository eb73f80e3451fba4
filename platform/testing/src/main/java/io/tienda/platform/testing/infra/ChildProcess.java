package io.tienda.platform.testing.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** A server running as a child process, with its output appended to a log file. */
final class ChildProcess {

    private final Process process;

    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} in its own session when {@code setsid} exists, so that Ctrl-C in a
     * terminal reaches only the launcher, which then stops its children in order.
     */
    static ChildProcess start(List<String> command, Path workingDirectory, Path log) {
        List<String> full = new ArrayList<>();
        setsid().ifPresent(full::add);
        full.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(full).directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
            return new ChildProcess(process, log);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot run " + command, ex);
        }
    }

    private static Optional<String> setsid() {
        return List.of("/usr/bin/setsid", "/bin/setsid").stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Why the process is no longer running, or empty while it runs. */
    Optional<String> exitReason() {
        if (process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of("exited with code " + process.exitValue() + "; last lines of " + log + ":\n" + tail(log, 30));
    }

    /**
     * Returns this process once {@code ready} holds. When the process exits first or {@code timeout}
     * passes, stops it and fails with the reason.
     */
    ChildProcess awaitReady(String what, Duration timeout, BooleanSupplier ready) {
        return awaitReady(what, timeout, ready, UnaryOperator.identity());
    }

    /** Like {@link #awaitReady(String, Duration, BooleanSupplier)}; {@code explain} adds to the reason it exited. */
    ChildProcess awaitReady(String what, Duration timeout, BooleanSupplier ready, UnaryOperator<String> explain) {
        try {
            Poll.until(what, timeout, ready, () -> exitReason().map(explain));
        }
        catch (RuntimeException ex) {
            stop(Duration.ofSeconds(5));
            throw ex;
        }
        return this;
    }

    /** SIGTERM, then SIGKILL after {@code grace}; processes the child started go too. */
    void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException ex) {
            return "(cannot read " + file + ": " + ex.getMessage() + ")";
        }
    }

}
