package io.tienda.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.tienda.fleet.ProcessesFile.Entry;
import io.tienda.fleet.ProcessesFile.ProbeKind;
import io.tienda.fleet.ServiceProcess.RestartPolicy;
import io.tienda.platform.testing.infra.EmbeddedClickHouseServer;

/**
 * {@code up}: starts the infrastructure and, beside it, discovery, then the gateway and the services, waits
 * until each is ready and registered, prints where everything is, and keeps running until Ctrl-C or
 * {@code ./tienda down}, which stop the services (gateway first, discovery last) and then the
 * infrastructure. A service that was ready once and whose JVM then exits on its own is restarted
 * (see {@link RestartPolicy}).
 */
final class Launcher {

    /** A fragment of the launcher's command line, to recognise it (and its in-process servers) by pid. */
    static final String COMMAND_HINT = "tienda-fleet";

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final FleetPaths paths;

    private final Options options;

    private final PrintStream out;

    private final InfraPorts ports = InfraPorts.DEFAULT;

    private final Probe probe;

    private final Instant begin = Instant.now();

    private final Object lock = new Object();

    private final List<ServiceProcess> running = new ArrayList<>();

    /** Services that were ready once: from then on the launcher restarts them when they exit. Under {@code lock}. */
    private final Set<String> supervised = new HashSet<>();

    /** Under {@code lock}. */
    private final Map<String, RestartPolicy> restartPolicies = new HashMap<>();

    /** Waits out the backoff before a restart. */
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fleet-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Extracted jars and AOT caches; set once the JDK is chosen. */
    private volatile AotCache aot;

    /** The jar each service was started from, which its training must use too (a rebuild may have followed). */
    private final Map<String, AotCache.Prepared> startedFrom = new java.util.concurrent.ConcurrentHashMap<>();

    private boolean stopping;

    private Infrastructure infrastructure;

    /** Whether the servers run; until then discovery, which boots beside them, is the only process to record. */
    private volatile boolean infrastructureStarted;

    Launcher(FleetPaths paths, Options options, PrintStream out) {
        this.paths = paths;
        this.options = options;
        this.out = out;
        this.probe = new Probe(Catalog.byName(Catalog.DISCOVERY).orElseThrow().port());
    }

    /** Answers only when starting failed; a started fleet runs until the JVM is told to stop. */
    int run() {
        try {
            Files.createDirectories(paths.logs());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Optional<ProcessHandle> other = DownCommand.runningLauncher(paths)
            .filter(handle -> handle.pid() != ProcessHandle.current().pid());
        if (other.isPresent()) {
            out.println("The fleet already runs (launcher pid " + other.get().pid() + "). ./tienda down stops it.");
            return 1;
        }
        new DownCommand(paths, out).stopLeftovers();
        write(paths.pidFile(), String.valueOf(ProcessHandle.current().pid()));
        phase("starting");

        boolean withClickHouse = EmbeddedClickHouseServer.isAvailable();
        List<ServiceSpec> services = runnable(withClickHouse);
        Map<Integer, String> busy = busyPorts(services, withClickHouse);
        if (!busy.isEmpty()) {
            busy.forEach((port, owner) -> out.println("Port " + port + " (" + owner + ") is already in use."));
            out.println("Stop whatever uses it (another fleet: ./tienda down) and try again.");
            return fail("ports in use: " + busy.keySet());
        }
        JavaRuntime java = JavaRuntime.newest();
        aot = new AotCache(paths.fleet().resolve("app"), java, System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "fleet-shutdown"));

        infrastructure = Infrastructure.create(paths, ports, withClickHouse);
        List<ServiceSpec> rest = new ArrayList<>(services);
        Optional<ServiceSpec> discovery = rest.stream().filter(ServiceSpec::isDiscovery).findFirst();
        discovery.ifPresent(rest::remove);
        if (!services.isEmpty()) {
            out.println("Starting " + services.size() + " JVMs on Java " + java.feature() + " (" + java.executable()
                    + "), logs in " + paths.root().relativize(paths.logs()) + "/");
        }
        out.println("Starting the infrastructure (data in " + paths.root().relativize(paths.fleet()) + "/)"
                + (discovery.isPresent() ? ", and discovery beside it" : "") + "...");
        // The registry needs no store, so it boots while the servers do rather than after them.
        CompletableFuture<Optional<String>> registry = discovery
            .map(service -> CompletableFuture.supplyAsync(() -> startAndAwait(service, java),
                    runnable -> new Thread(runnable, "fleet-start-" + service.name()).start()))
            .orElse(CompletableFuture.completedFuture(Optional.empty()));
        try {
            infrastructure.start(line -> out.println("  " + line));
        }
        catch (RuntimeException ex) {
            out.println("The infrastructure did not start: " + ex.getMessage());
            // the shutdown hook stops discovery when this JVM exits
            return fail("infrastructure: " + ex.getMessage().lines().findFirst().orElse(""));
        }
        infrastructureStarted = true;
        recordProcesses();
        if (options.infraOnly()) {
            out.println();
            out.print(infrastructureTable());
            out.println();
            out.println("Infrastructure ready in " + Table.duration(elapsed()) + ". Ctrl-C (or ./tienda down) stops it.");
            phase("ready");
            trainInBackground(List.of(), java);
            awaitStop();
            return 0;
        }

        Map<ServiceSpec, Optional<String>> failures = new LinkedHashMap<>();
        Optional<String> registryFailure = registry.join();
        if (registryFailure.isPresent()) {
            // nothing can register without the registry
            report(discovery.orElseThrow(), registryFailure.get());
            return fail(Catalog.DISCOVERY + " " + registryFailure.get());
        }
        failures.putAll(startAll(rest, java));

        out.println();
        out.print(servicesTable(services));
        out.println();
        if (services.stream().anyMatch(service -> service.name().equals(Catalog.USER))) {
            out.print(DemoAccounts.notice(System.getenv()));
            out.println();
        }
        out.println("Gateway Swagger UI:  http://localhost:8080/swagger-ui.html");
        out.println("Eureka dashboard:    http://localhost:8761/");
        out.println("Mail reader:         http://localhost:" + ports.mailReader() + "/messages");
        out.println("Traces:              http://localhost:" + ports.traces() + "/traces");
        Optional<Map.Entry<ServiceSpec, Optional<String>>> failed = failures.entrySet()
            .stream()
            .filter(entry -> entry.getValue().isPresent())
            .findFirst();
        if (failed.isPresent()) {
            out.println("Started in " + Table.duration(elapsed()) + ", but not everything is ready; the rest keeps running."
                    + " ./tienda down stops it.");
            phase("failed " + failed.get().getKey().name() + " " + failed.get().getValue().get());
        }
        else {
            out.println("Ready in " + Table.duration(elapsed()) + ". Ctrl-C (or ./tienda down) stops everything.");
            phase("ready");
        }
        trainInBackground(services, java);
        supervisor.scheduleWithFixedDelay(this::boundLogs, 1, 1, TimeUnit.MINUTES);
        awaitStop();
        return 0;
    }

    /** The selected services whose jars exist; the others are reported and skipped. */
    private List<ServiceSpec> runnable(boolean withClickHouse) {
        List<ServiceSpec> runnable = new ArrayList<>();
        for (ServiceSpec service : options.services()) {
            if (service.name().equals(Catalog.ANALYTICS) && !withClickHouse) {
                out.println("Skipping " + Catalog.ANALYTICS + ": " + EmbeddedClickHouseServer.missingBinaryMessage());
            }
            else if (!Files.isRegularFile(service.jar(paths.root()))) {
                out.println("Skipping " + service.name() + ": no " + paths.root().relativize(service.jar(paths.root()))
                        + " (module not built or not written yet).");
            }
            else {
                runnable.add(service);
            }
        }
        return runnable;
    }

    private Map<Integer, String> busyPorts(List<ServiceSpec> services, boolean withClickHouse) {
        Map<Integer, String> wanted = new LinkedHashMap<>(ports.byPort(withClickHouse));
        services.forEach(service -> {
            wanted.put(service.port(), service.name());
            wanted.putIfAbsent(service.managementPort(), service.name());
        });
        Map<Integer, String> busy = new LinkedHashMap<>();
        wanted.forEach((port, owner) -> {
            if (Probe.acceptsConnections(port)) {
                busy.put(port, owner);
            }
        });
        return busy;
    }

    /** Starts services with at most {@code parallel} of them booting at once: boot time is CPU-bound. */
    private Map<ServiceSpec, Optional<String>> startAll(List<ServiceSpec> services, JavaRuntime java) {
        Semaphore booting = new Semaphore(options.parallel());
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, services.size()));
        Map<ServiceSpec, Future<Optional<String>>> results = new LinkedHashMap<>();
        for (ServiceSpec service : services) {
            results.put(service, executor.submit(() -> {
                booting.acquire();
                try {
                    return startAndAwait(service, java);
                }
                finally {
                    booting.release();
                }
            }));
        }
        Map<ServiceSpec, Optional<String>> failures = new LinkedHashMap<>();
        results.forEach((service, result) -> {
            try {
                Optional<String> failure = result.get();
                failure.ifPresent(reason -> report(service, reason));
                failures.put(service, failure);
            }
            catch (Exception ex) {
                failures.put(service, Optional.of(String.valueOf(ex.getMessage())));
            }
        });
        executor.shutdown();
        return failures;
    }

    /** Empty when the service is ready (and registered), else why not. */
    private Optional<String> startAndAwait(ServiceSpec service, JavaRuntime java) {
        AotCache.Prepared prepared = aot.prepare(service, service.jar(paths.root()));
        startedFrom.put(service.name(), prepared);
        ServiceProcess process;
        synchronized (lock) {
            if (stopping) {
                return Optional.of("not started: the fleet is stopping");
            }
            List<String> command = ServiceCommand.of(service, java, prepared.jar(), prepared.jvmOptions(),
                    serviceProperties(service, java), System.getenv("TIENDA_JAVA_OPTS"));
            process = ServiceProcess.start(service, command, ServiceCommand.environment(service, System.getenv()),
                    paths.fleet().resolve("work").resolve(service.name()), paths.log(service.name()));
            running.add(process);
        }
        recordProcesses();
        process.handle().onExit().thenRun(() -> {
            boolean reported;
            synchronized (lock) {
                // once ready, supervise() takes over
                reported = stopping || supervised.contains(service.name());
            }
            if (!reported) {
                out.println("[" + seconds() + "] " + service.name() + " exited with code " + process.exitCode() + "; see "
                        + paths.root().relativize(process.log()));
            }
        });
        out.println("[" + seconds() + "] starting " + service.name() + " on port " + service.port() + " (pid "
                + process.pid() + (prepared.cache().isPresent() ? ", AOT cache" : "") + ")");
        Instant deadline = process.started().plus(options.timeout());
        String health = Probe.UNREACHABLE;
        boolean registered = false;
        while (true) {
            synchronized (lock) {
                if (stopping) {
                    return Optional.of("stopped while starting");
                }
            }
            if (!process.isAlive()) {
                return Optional.of("exited with code " + process.exitCode());
            }
            health = probe.health(service.managementPort());
            registered = !service.registersWithDiscovery()
                    || ("UP".equals(health) && probe.registeredPorts().contains(service.port()));
            if ("UP".equals(health) && registered) {
                out.println("[" + seconds() + "] " + service.name() + " is ready after "
                        + Table.duration(Duration.between(process.started(), Instant.now())));
                supervise(process);
                return Optional.empty();
            }
            if (Instant.now().isAfter(deadline)) {
                return Optional.of("not ready after " + options.timeout().toSeconds() + " s (health " + health
                        + (service.registersWithDiscovery() ? ", registered in Eureka: " + registered : "") + ")");
            }
            pause(Duration.ofSeconds(1));
        }
    }

    /** From now on an exit of this JVM that nobody asked for restarts it. */
    private void supervise(ServiceProcess process) {
        synchronized (lock) {
            supervised.add(process.service().name());
        }
        // runs at once if the JVM already exited
        process.handle().onExit().thenRun(() -> exited(process));
    }

    /** The JVM of a supervised service ended: restart it after the backoff, unless the fleet stops or it is time to give up. */
    private void exited(ServiceProcess process) {
        ServiceSpec service = process.service();
        RestartPolicy policy;
        Optional<RestartPolicy.Restart> restart;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            policy = restartPolicies.computeIfAbsent(service.name(), name -> RestartPolicy.standard());
            restart = policy.onExit(Instant.now());
        }
        String exit = service.name() + " exited with code " + process.exitCode();
        if (restart.isEmpty()) {
            say(process, exit + "; restarted " + policy.maxRestarts() + " times within "
                    + policy.window().toMinutes() + " min already, giving up on it (see "
                    + paths.root().relativize(process.log()) + "). ./tienda down and up start it again.");
            return;
        }
        say(process, exit + "; restarting (attempt " + restart.get().attempt() + ")");
        try {
            supervisor.schedule(() -> restart(process), restart.get().backoff().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (RuntimeException ex) {
            // the supervisor was shut down: the fleet is stopping
        }
    }

    /** Starts the same command line again in place of the JVM that exited, and follows it until it is ready. */
    private void restart(ServiceProcess exited) {
        ServiceSpec service = exited.service();
        ServiceProcess next;
        synchronized (lock) {
            int index = running.indexOf(exited);
            if (stopping || index < 0) {
                return;
            }
            try {
                next = exited.restart();
            }
            catch (RuntimeException ex) {
                say(exited, service.name() + " could not be restarted: " + ex.getMessage());
                return;
            }
            running.set(index, next);
        }
        recordProcesses();
        out.println("[" + seconds() + "] restarted " + service.name() + " on port " + service.port() + " (pid "
                + next.pid() + ")");
        next.handle().onExit().thenRun(() -> exited(next));
        Thread watcher = new Thread(() -> awaitReadyAgain(next), "fleet-ready-" + service.name());
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Says when a restarted service is ready (and registered) again; its exit is exited()'s business. */
    private void awaitReadyAgain(ServiceProcess process) {
        ServiceSpec service = process.service();
        Instant deadline = process.started().plus(options.timeout());
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            synchronized (lock) {
                if (stopping) {
                    return;
                }
            }
            if ("UP".equals(probe.health(service.managementPort()))
                    && (!service.registersWithDiscovery() || probe.registeredPorts().contains(service.port()))) {
                say(process, service.name() + " is ready again after "
                        + Table.duration(Duration.between(process.started(), Instant.now())) + " (pid " + process.pid() + ")");
                return;
            }
            pause(Duration.ofSeconds(1));
        }
        if (process.isAlive()) {
            say(process, service.name() + " is not ready " + options.timeout().toSeconds() + " s after its restart (pid "
                    + process.pid() + ")");
        }
    }

    /** Keeps each JVM's log within {@link ServiceProcess#MAX_LOG_BYTES}, for a fleet left running for days. */
    private void boundLogs() {
        List<ServiceProcess> current;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            current = List.copyOf(running);
        }
        for (ServiceProcess process : current) {
            try {
                if (process.boundLog(ServiceProcess.MAX_LOG_BYTES)) {
                    process.note("tienda-fleet [" + seconds() + "] this log passed "
                            + ServiceProcess.MAX_LOG_BYTES / (1024 * 1024) + " MiB; the lines before this one are in "
                            + process.log().getFileName() + ".1");
                }
            }
            catch (IOException | RuntimeException ex) {
                // the next check tries again; a failed task would not be scheduled again
                out.println("[" + seconds() + "] could not move " + process.log().getFileName() + " aside: " + ex);
            }
        }
    }

    /** A line for the launcher's output and for the service's log. */
    private void say(ServiceProcess process, String message) {
        String line = "[" + seconds() + "] " + message;
        out.println(line);
        process.note("tienda-fleet " + line);
    }

    private Map<String, String> serviceProperties(ServiceSpec service, JavaRuntime java) {
        return ServiceCommand.properties(service, java, Catalog.byName(Catalog.DISCOVERY).orElseThrow().port(),
                infrastructure.propertiesFor(service));
    }

    /**
     * Once the fleet is up, trains the AOT cache of every service that has none yet, one at a time and
     * at a low priority, so that the next {@code up} starts each of them in a few seconds. Each training
     * is a start of the service that exits once its context is refreshed (see {@link AotCache}).
     */
    private void trainInBackground(List<ServiceSpec> services, JavaRuntime java) {
        List<ServiceSpec> untrained = services.stream().filter(service -> aot.needsTraining(service.name())).toList();
        Optional<List<String>> launcherTraining = launcherTraining();
        int count = untrained.size() + (launcherTraining.isPresent() ? 1 : 0);
        if (count == 0) {
            return;
        }
        out.println("Training the AOT " + (count == 1 ? "cache of 1 JVM" : "caches of " + count + " JVMs")
                + " in the background, at a low priority; the next start of each is several times faster.");
        Thread trainer = new Thread(() -> {
            for (ServiceSpec service : untrained) {
                AotCache.Prepared prepared = startedFrom.get(service.name());
                if (prepared == null) {
                    continue;
                }
                List<String> command = ServiceCommand.of(service, java, prepared.jar(), aot.trainingJvmOptions(service),
                        AotCache.trainingProperties(serviceProperties(service, java)), null);
                if (!train(service.name(), command, ServiceCommand.environment(service, System.getenv()))) {
                    return;
                }
            }
            launcherTraining.ifPresent(command -> train(AotCache.LAUNCHER, command, System.getenv()));
        }, "fleet-aot-training");
        trainer.setDaemon(true);
        trainer.start();
    }

    /** Trains one cache and says how it went; false once the fleet is stopping. */
    private boolean train(String name, List<String> command, Map<String, String> environment) {
        synchronized (lock) {
            if (stopping) {
                return false;
            }
        }
        Instant started = Instant.now();
        Optional<String> failure = aot.train(name, command, paths.log(name + "-aot-training"), environment);
        synchronized (lock) {
            if (stopping) {
                return false;
            }
        }
        out.println("[" + seconds() + "] AOT cache of " + name + failure
            .map(reason -> " not trained: " + reason)
            .orElse(" trained in " + Table.duration(Duration.between(started, Instant.now()))));
        return true;
    }

    /**
     * The launcher's own cache, when it has none yet and this JVM can use one: Java 25 or newer, run
     * by {@code ./tienda} from its extracted jar. Its Kafka, MongoDB and GreenMail then start in about
     * half the time and CPU.
     */
    private Optional<List<String>> launcherTraining() {
        if (Runtime.version().feature() < 25 || !aot.needsTraining(AotCache.LAUNCHER)) {
            return Optional.empty();
        }
        return aot.launcherTraining(Path.of(System.getProperty("java.home")), Path.of(System.getProperty("java.class.path")),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private void report(ServiceSpec service, String reason) {
        Path log = paths.log(service.name());
        out.println("[" + seconds() + "] " + service.name() + " FAILED: " + reason + ". Last lines of "
                + paths.root().relativize(log) + ":");
        Processes.tail(log, 25).lines().forEach(line -> out.println("    " + line));
    }

    private String servicesTable(List<ServiceSpec> services) {
        Table table = new Table("SERVICE", "PORT", "HEALTH", "URL");
        for (ServiceSpec service : services) {
            table.row(service.name(), String.valueOf(service.port()), probe.health(service.managementPort()), service.url());
        }
        return table.render();
    }

    private String infrastructureTable() {
        Table table = new Table("SERVER", "PORT", "URL");
        for (Entry entry : infrastructure.entries(ProcessHandle.current().pid())) {
            table.row(entry.name(), String.valueOf(entry.port()), entry.url());
        }
        return table.render();
    }

    /**
     * Writes {@code .fleet/processes} again: after each start, and after each restart with the new pid.
     * Under the lock, so that writers do not overtake each other and nothing is written once stopping.
     */
    private void recordProcesses() {
        long self = ProcessHandle.current().pid();
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("launcher", self, 0, COMMAND_HINT, "-", ProbeKind.TCP));
        if (infrastructureStarted) {
            entries.addAll(infrastructure.entries(self));
        }
        synchronized (lock) {
            if (stopping) {
                // the shutdown deletes the file; a late restart must not bring it back
                return;
            }
            for (ServiceProcess process : running) {
                ServiceSpec service = process.service();
                entries.add(new Entry(service.name(), process.pid(), service.port(), service.name() + ".jar", service.url(),
                        ProbeKind.READINESS));
            }
            ProcessesFile.write(paths.processesFile(), entries);
        }
    }

    /**
     * The shutdown hook: Ctrl-C and {@code ./tienda down} (SIGTERM) both end here. The gateway goes
     * first so no new requests come in, discovery last so the others can de-register.
     */
    private void shutdown() {
        List<ServiceProcess> processes;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
            processes = new ArrayList<>(running);
        }
        supervisor.shutdownNow();
        if (aot != null) {
            aot.stopTraining();
        }
        phase("stopping");
        out.println();
        out.println("Stopping the fleet...");
        stopGroup(processes.stream().filter(p -> p.service().name().equals(Catalog.GATEWAY)).toList());
        stopGroup(processes.stream()
            .filter(p -> !p.service().name().equals(Catalog.GATEWAY) && !p.service().isDiscovery())
            .toList());
        stopGroup(processes.stream().filter(p -> p.service().isDiscovery()).toList());
        if (infrastructure != null) {
            out.println("Stopping the infrastructure...");
            infrastructure.close();
        }
        // anything a child left behind (it should be nothing)
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        delete(paths.processesFile());
        delete(paths.phaseFile());
        delete(paths.pidFile());
        out.println("Stopped after " + Table.duration(elapsed()) + " of running.");
        stopped.countDown();
    }

    private void stopGroup(List<ServiceProcess> group) {
        group.stream().filter(ServiceProcess::isAlive).forEach(ServiceProcess::requestStop);
        for (ServiceProcess process : group) {
            boolean graceful = process.finishStop(GRACE);
            out.println("  " + process.service().name() + (graceful ? " stopped" : " killed after " + GRACE.toSeconds() + " s"));
        }
    }

    private int fail(String reason) {
        phase("failed " + reason);
        return 1;
    }

    private void awaitStop() {
        try {
            stopped.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void phase(String phase) {
        write(paths.phaseFile(), phase);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, content + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + file, ex);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            // a stale bookkeeping file is cleaned by the next up or down
        }
    }

    private Duration elapsed() {
        return Duration.between(begin, Instant.now());
    }

    private String seconds() {
        return String.format("%4d s", elapsed().toSeconds());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
