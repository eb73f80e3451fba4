package io.tienda.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Process chores: command lines, memory, stopping a whole tree. */
final class Processes {

    private Processes() {
    }

    static String commandLine(ProcessHandle process) {
        Optional<String> fromJdk = process.info().commandLine();
        if (fromJdk.isPresent()) {
            return fromJdk.get();
        }
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        }
        catch (IOException ex) {
            return "";
        }
    }

    /** Resident memory in kB, or -1 when unknown (not Linux, or the process is gone). */
    static long rssKilobytes(long pid) {
        return procField(pid, "status", "VmRSS:");
    }

    /**
     * The memory of a process and everything it started. Each process counts its proportional share
     * (PSS) of shared pages: PostgreSQL's backends all map the same shared buffers, and adding up
     * their RSS would count those many times.
     */
    static long treeRssKilobytes(long pid) {
        return ProcessHandle.of(pid)
            .map(root -> Stream.concat(Stream.of(root), root.descendants()).mapToLong(handle -> {
                long pss = procField(handle.pid(), "smaps_rollup", "Pss:");
                return Math.max(0, pss >= 0 ? pss : rssKilobytes(handle.pid()));
            }).sum())
            .orElse(-1L);
    }

    private static long procField(long pid, String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), file))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        catch (IOException | NumberFormatException ex) {
            // gone or unreadable
        }
        return -1;
    }

    /** SIGTERM, then SIGKILL for the process and whatever it started if it outlives {@code grace}. */
    static boolean stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean graceful = awaitExit(process, grace);
        if (!graceful) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return graceful;
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
        catch (Exception ex) {
            return !process.isAlive();
        }
    }

    /** The last lines of a log, for a failure report. */
    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(" + file + " does not exist)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException ex) {
            return "(cannot read " + file + ")";
        }
    }

}
