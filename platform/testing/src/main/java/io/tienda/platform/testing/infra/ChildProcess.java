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

    /** How long a file still open for writing elsewhere is waited for before it is run. */
    private static final Duration BUSY_RETRY_WINDOW = Duration.ofSeconds(10);

    /** setsid's exit code when it cannot run the command. */
    private static final int SETSID_EXEC_FAILED = 126;

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

    /**
     * Starts an executable this JVM has just written and returns it once {@code ready} holds, like
     * {@link #awaitReady(String, Duration, BooleanSupplier)}. While the file was open for writing,
     * another thread may have forked a process (a server starting beside this one), which holds that
     * descriptor until it has closed its inherited files and run its own program; for that moment the
     * kernel refuses to run the file (ETXTBSY, "Text file busy"). Such a refusal is retried for up to
     * {@link #BUSY_RETRY_WINDOW}; any other failure is reported at once.
     */
    static ChildProcess startWritten(List<String> command, Path workingDirectory, Path log, String what,
            Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + BUSY_RETRY_WINDOW.toNanos();
        while (true) {
            ChildProcess process;
            try {
                process = start(command, workingDirectory, log);
            }
            catch (UncheckedIOException ex) {
                // without setsid the JVM runs the file itself and reports errno 26
                if (busy(String.valueOf(ex.getCause().getMessage())) && System.nanoTime() < deadline) {
                    Poll.pause(what);
                    continue;
                }
                throw ex;
            }
            try {
                return process.awaitReady(what, timeout, ready);
            }
            catch (RuntimeException ex) {
                if (!process.refusedBusy() || System.nanoTime() >= deadline) {
                    throw ex;
                }
                Poll.pause(what);
            }
        }
    }

    /** setsid could not run the command because its file was still open for writing somewhere. */
    private boolean refusedBusy() {
        return !process.isAlive() && process.exitValue() == SETSID_EXEC_FAILED && busy(tail(log, 2));
    }

    private static boolean busy(String message) {
        return message.contains("Text file busy") || message.contains("error=26,");
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
