package io.tienda.platform.testing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where a server keeps its data: a temporary directory deleted on close, or a directory that persists. */
record DataDir(Path path, boolean temporary) {

    static DataDir temporary(String prefix) {
        try {
            return new DataDir(Files.createTempDirectory(prefix), true);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create a temporary directory", ex);
        }
    }

    static DataDir persistent(Path path) {
        try {
            return new DataDir(Files.createDirectories(path.toAbsolutePath()), false);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create " + path, ex);
        }
    }

    Path resolve(String child) {
        return path.resolve(child);
    }

    void deleteIfTemporary() {
        if (temporary) {
            delete(path);
        }
    }

    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | UncheckedIOException ex) {
            // best effort: a leftover temporary directory is harmless
        }
    }

}
