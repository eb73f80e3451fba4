package io.tienda.fleet;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A running service JVM whose output goes to {@code .fleet/logs/<service>.log}. */
final class ServiceProcess {

    private final ServiceSpec service;

    private final Process process;

    private final Path log;

    private final Instant started;

    private ServiceProcess(ServiceSpec service, Process process, Path log, Instant started) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.started = started;
    }

    /**
     * Runs the service in its own session (setsid), so that Ctrl-C in the terminal reaches only the
     * launcher, which stops the services in order: gateway first, discovery last.
     */
    static ServiceProcess start(ServiceSpec service, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path log) {
        try {
            Files.createDirectories(workingDirectory);
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
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
            return new ServiceProcess(service, process, log, Instant.now());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start " + service.name(), ex);
        }
    }

    ServiceSpec service() {
        return service;
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

    int exitCode() {
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

}
