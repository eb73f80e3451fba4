package io.tienda.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The launcher's record of what it runs, one tab-separated line per server or service. {@code status}
 * reads it to probe each one; {@code down} reads it to stop leftovers of a launcher that died.
 */
final class ProcessesFile {

    /** How {@code status} checks that an entry is healthy. */
    enum ProbeKind {

        /** Something accepts TCP connections on the port. */
        TCP,
        /** The URL answers 200. */
        HTTP,
        /** Spring Boot's readiness group answers UP. */
        READINESS

    }

    /**
     * @param pid the process that serves it; the launcher's own pid for in-process servers
     * @param commandHint a fragment of the process's command line; guards against killing a
     * process that merely got a recycled pid
     */
    record Entry(String name, long pid, int port, String commandHint, String url, ProbeKind probe) {

        String line() {
            return String.join("\t", name, String.valueOf(pid), String.valueOf(port), commandHint, url, probe.name());
        }

        static Optional<Entry> parse(String line) {
            String[] fields = line.split("\t");
            if (fields.length != 6) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(fields[0], Long.parseLong(fields[1]), Integer.parseInt(fields[2]), fields[3],
                        fields[4], ProbeKind.valueOf(fields[5])));
            }
            catch (IllegalArgumentException ex) {
                return Optional.empty();
            }
        }

        /** The process still runs and is still what the launcher started. */
        boolean isAlive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(Processes::commandLine)
                .map(command -> command.contains(commandHint))
                .orElse(false);
        }

    }

    private ProcessesFile() {
    }

    static void write(Path file, List<Entry> entries) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, entries.stream().map(Entry::line).collect(Collectors.joining("\n", "", "\n")),
                    StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + file, ex);
        }
    }

    static List<Entry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Entry.parse(line).ifPresent(entries::add);
            }
            return entries;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + file, ex);
        }
    }

}
