package io.tienda.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tienda.fleet.ProcessesFile.Entry;

/**
 * {@code down}: asks the launcher to stop (SIGTERM runs its orderly shutdown), waits, and then stops
 * whatever a launcher that died without cleaning up left behind.
 */
final class DownCommand {

    /** Time for the launcher's own shutdown: services, then the infrastructure. */
    private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(150);

    private final FleetPaths paths;

    private final PrintStream out;

    DownCommand(FleetPaths paths, PrintStream out) {
        this.paths = paths;
        this.out = out;
    }

    int run() {
        Optional<ProcessHandle> launcher = runningLauncher(paths);
        if (launcher.isPresent()) {
            out.println("Stopping the fleet (launcher pid " + launcher.get().pid() + ")...");
            if (!Processes.stop(launcher.get(), LAUNCHER_GRACE)) {
                out.println("The launcher did not stop within " + LAUNCHER_GRACE.toSeconds() + " s; it was killed.");
            }
        }
        else {
            out.println("The fleet is not running.");
        }
        List<String> left = stopLeftovers();
        deleteBookkeeping();
        if (!left.isEmpty()) {
            out.println("Still running: " + String.join(", ", left));
            return 1;
        }
        out.println("Stopped; no fleet process is left.");
        return 0;
    }

    /** The running launcher recorded in {@code .fleet/fleet.pid}, if it is still the launcher. */
    static Optional<ProcessHandle> runningLauncher(FleetPaths paths) {
        try {
            if (!Files.isRegularFile(paths.pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(paths.pidFile()).trim());
            return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> Processes.commandLine(handle).contains(Launcher.COMMAND_HINT));
        }
        catch (IOException | NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /**
     * Stops processes recorded by a launcher that is gone (killed, crashed), and a PostgreSQL whose
     * pid file is still in {@code .fleet/postgres}. Answers what could not be stopped.
     */
    List<String> stopLeftovers() {
        if (runningLauncher(paths).isPresent()) {
            return List.of();
        }
        List<Entry> leftovers = new ArrayList<>(ProcessesFile.read(paths.processesFile())
            .stream()
            .filter(entry -> !entry.commandHint().equals(Launcher.COMMAND_HINT))
            .filter(Entry::isAlive)
            .toList());
        Infrastructure.postmasterPid(paths.data("postgres"))
            .map(pid -> new Entry("postgres", pid, 0, "postgres", "", ProcessesFile.ProbeKind.TCP))
            .filter(Entry::isAlive)
            .filter(postgres -> leftovers.stream().noneMatch(entry -> entry.pid() == postgres.pid()))
            .ifPresent(leftovers::add);
        List<String> survivors = new ArrayList<>();
        for (Entry entry : leftovers) {
            out.println("Stopping leftover " + entry.name() + " (pid " + entry.pid() + ")");
            ProcessHandle.of(entry.pid()).ifPresent(handle -> Processes.stop(handle, Duration.ofSeconds(30)));
            if (entry.isAlive()) {
                survivors.add(entry.name() + " (pid " + entry.pid() + ")");
            }
        }
        if (!leftovers.isEmpty()) {
            deleteBookkeeping();
        }
        return survivors;
    }

    private void deleteBookkeeping() {
        for (Path file : List.of(paths.processesFile(), paths.phaseFile(), paths.pidFile())) {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException ex) {
                out.println("Cannot delete " + file + ": " + ex.getMessage());
            }
        }
    }

}
