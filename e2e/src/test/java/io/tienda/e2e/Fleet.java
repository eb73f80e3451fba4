package io.tienda.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fleet the system tests talk to. With {@code -Dtienda.e2e.base-url=http://host:8080} the
 * tests use a fleet that is already running; otherwise the first test class starts one with
 * {@code ./tienda up -d} and the last one stops it with {@code ./tienda down}.
 */
public final class Fleet implements BeforeAllCallback {

    private static final String BASE_URL = System.getProperty("tienda.e2e.base-url", "");
    private static final Duration STARTUP = Duration.ofMinutes(Long.getLong("tienda.e2e.startup-minutes", 8));

    public static URI gateway() {
        return URI.create(BASE_URL.isBlank() ? "http://localhost:8080" : BASE_URL);
    }

    /** Whether this run starts the fleet itself on this machine (no {@code tienda.e2e.base-url}). */
    public static boolean startedHere() {
        return BASE_URL.isBlank();
    }

    /** The gateway's actuator: its own port, never the public one. */
    public static URI gatewayManagement() {
        return URI.create(System.getProperty("tienda.e2e.gateway-management-url", "http://localhost:8081"));
    }

    public static URI discovery() {
        return URI.create(System.getProperty("tienda.e2e.discovery-url", "http://localhost:8761"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!BASE_URL.isBlank()) {
            return;
        }
        // One fleet for the whole run, stopped when JUnit closes the root store.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Fleet.class.getName(), key -> start(), Started.class);
    }

    private static Started start() {
        Path root = repositoryRoot();
        run(root, STARTUP, "./tienda", "up", "-d");
        return new Started(root);
    }

    /** Stops the fleet this run started, and only that one. */
    private record Started(Path root) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            run(root, Duration.ofMinutes(2), "./tienda", "down");
        }
    }

    private static void run(Path root, Duration timeout, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                        + process.exitValue() + " (see .fleet/logs/)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + List.of(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path repositoryRoot() {
        for (File dir = new File("").getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
            if (Files.isExecutable(dir.toPath().resolve("tienda")) && Files.exists(dir.toPath().resolve("pom.xml"))) {
                return dir.toPath();
            }
        }
        throw new IllegalStateException("cannot find the repository root (the directory with ./tienda)");
    }
}
