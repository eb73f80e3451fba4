package io.tienda.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What makes a service JVM start in seconds instead of tens of seconds, kept per service under
 * {@code .fleet/app/<service>/}:
 * <ul>
 * <li>{@code app/}: the service's jar extracted with Spring Boot's {@code -Djarmode=tools extract}, a thin
 * jar plus its libraries as plain files. Classes load faster from there than from jars nested in a
 * jar, and only classes from plain jars can go into an AOT cache.</li>
 * <li>{@code <service>.aot}: the JDK's ahead-of-time cache (JEP 483/514, Java 25+), classes already
 * loaded and linked, trained by one start of the service that exits as soon as its context is up.</li>
 * <li>{@code stamp}: which built jar and which JDK both came from; when either changes, both are
 * thrown away and made again, so a cache never outlives the code it was trained on.</li>
 * </ul>
 * {@code TIENDA_AOT=off} starts every JVM from its extracted jar without a cache and trains none.
 */
final class AotCache {

    /** Environment variable: {@code off} disables caches and their training. */
    static final String SWITCH = "TIENDA_AOT";

    /**
     * Options of every training run. Java 25 files the adapters it caches (the stubs between
     * interpreted and compiled code) under a hash of their signature, and two signatures can share
     * one (JDK-8364929, fixed after 25): every start from such a cache then prints two warnings per
     * clash, and makes those adapters again anyway. The launcher's cache had three. Adapters are made
     * in microseconds, so none are cached: starts measured the same with and without.
     */
    static final List<String> TRAINING_OPTIONS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTAdapterCaching");

    /** The directory of the launcher's own extracted jar and cache, beside the services'. */
    static final String LAUNCHER = "launcher";

    /** Training may take this long per service before it is given up. */
    static final long TRAINING_TIMEOUT_SECONDS = 300;

    private final Path root;

    private final JavaRuntime java;

    private final boolean enabled;

    AotCache(Path root, JavaRuntime java, Map<String, String> environment) {
        this.root = root;
        this.java = java;
        this.enabled = java.feature() >= 25 && !"off".equalsIgnoreCase(environment.getOrDefault(SWITCH, ""));
    }

    /** Whether this JDK can use caches and they are not switched off. */
    boolean enabled() {
        return enabled;
    }

    /**
     * The jar to run and the cache to start it with. Extracts the built jar again when it changed
     * since the last extraction; the old cache goes with it.
     */
    Prepared prepare(ServiceSpec service, Path builtJar) {
        Path dir = root.resolve(service.name());
        Path jar = dir.resolve("app").resolve(builtJar.getFileName());
        try {
            String stamp = stamp(builtJar);
            Path stampFile = dir.resolve("stamp");
            if (!Files.isRegularFile(jar) || !Files.isRegularFile(stampFile)
                    || !Files.readString(stampFile).equals(stamp)) {
                deleteTree(dir);
                Files.createDirectories(dir);
                extract(builtJar, dir.resolve("app"), dir.resolve("extract.log"));
                Files.writeString(stampFile, stamp);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot prepare the jar of " + service.name(), ex);
        }
        Path cache = cacheOf(service.name());
        return new Prepared(jar, enabled && Files.isRegularFile(cache) ? Optional.of(cache) : Optional.empty());
    }

    /** Whether the JVM of this name (a service, or {@link #LAUNCHER}) still needs a cache trained. */
    boolean needsTraining(String name) {
        return enabled && Files.isRegularFile(root.resolve(name).resolve("stamp")) && !Files.isRegularFile(cacheOf(name));
    }

    Path cacheOf(String name) {
        return root.resolve(name).resolve(name + ".aot");
    }

    /** Where a training run writes before its cache is complete. */
    Path pendingCacheOf(String name) {
        return root.resolve(name).resolve(name + ".aot.partial");
    }

    /** Where a training run works and logs, apart from the running JVM's directory. */
    Path trainingDirectory(String name) {
        return root.resolve(name).resolve("training");
    }

    /**
     * The jar the launcher runs from when {@code ./tienda} extracted it here, as it does for the
     * services' jars, so that its classes can go into a cache too.
     */
    Path launcherJar() {
        return root.resolve(LAUNCHER).resolve("app").resolve("tienda-fleet.jar");
    }

    /**
     * The command that trains the launcher's cache: this JVM's own executable and options (the cache
     * is only used by a JVM started the same way), minus any cache option, running {@code aot-training}
     * (see {@link LauncherTraining}). Empty unless this JVM runs from {@link #launcherJar()}: from
     * anywhere else, the classpath would not be the one the cache is made for.
     */
    Optional<List<String>> launcherTraining(Path javaHome, Path runningJar, List<String> jvmArguments) {
        if (!runningJar.toAbsolutePath().normalize().equals(launcherJar().toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        jvmArguments.stream().filter(argument -> !argument.startsWith("-XX:AOTCache")).forEach(command::add);
        command.addAll(TRAINING_OPTIONS);
        command.add("-XX:AOTCacheOutput=" + pendingCacheOf(LAUNCHER));
        command.addAll(List.of("-jar", launcherJar().toString(), "aot-training"));
        return Optional.of(command);
    }

    /**
     * The properties of a training start: the service's own, on free ports, invisible to the fleet (no
     * registration, no Kafka consumers joining its groups). That it ends once its context is refreshed
     * is a JVM option ({@link #trainingJvmOptions}): Spring Boot reads it as a system property only.
     */
    static Map<String, String> trainingProperties(Map<String, String> serviceProperties) {
        Map<String, String> properties = new LinkedHashMap<>(serviceProperties);
        properties.put("server.port", "0");
        if (properties.containsKey("management.server.port")) {
            properties.put("management.server.port", "0");
        }
        // neither registers nor fetches; the client itself stays, the registry's own server needs it
        properties.put("eureka.client.register-with-eureka", "false");
        properties.put("eureka.client.fetch-registry", "false");
        properties.put("spring.kafka.listener.auto-startup", "false");
        return properties;
    }

    /** The JVM options that write the cache; the rest of the command is the service's own. */
    List<String> trainingJvmOptions(ServiceSpec service) {
        List<String> options = new ArrayList<>(TRAINING_OPTIONS);
        options.addAll(List.of("-XX:AOTCacheOutput=" + pendingCacheOf(service.name()), "-Dspring.context.exit=onRefresh"));
        return options;
    }

    /**
     * Runs a training command and keeps its cache when it succeeded. The command runs at a lower
     * priority ({@code nice}), so a fleet that is already serving keeps the cores first.
     *
     * @return empty when the cache was written, else why not
     */
    Optional<String> train(String name, List<String> command, Path log, Map<String, String> environment) {
        Path pending = pendingCacheOf(name);
        try {
            Files.deleteIfExists(pending);
            Files.createDirectories(trainingDirectory(name));
            List<String> niced = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
                niced.addAll(List.of("/usr/bin/nice", "-n", "10"));
            }
            niced.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(niced).directory(trainingDirectory(name).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            training = process;
            if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("training took longer than " + TRAINING_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(pending)) {
                return Optional.of("training exited with code " + process.exitValue() + "; see " + log);
            }
            Files.move(pending, cacheOf(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        }
        catch (IOException ex) {
            return Optional.of(ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        finally {
            training = null;
        }
    }

    private volatile Process training;

    /** Stops a training run in progress, when the fleet stops. */
    void stopTraining() {
        Process process = training;
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The built jar's size and time, and the JDK: a cache is only valid for the pair it was made from. */
    String stamp(Path builtJar) throws IOException {
        return Files.size(builtJar) + " " + Files.getLastModifiedTime(builtJar).toMillis() + " " + java.executable()
                + " " + java.feature();
    }

    private void extract(Path builtJar, Path destination, Path log) throws IOException {
        List<String> command = List.of(java.executable().toString(), "-Djarmode=tools", "-jar", builtJar.toString(),
                "extract", "--destination", destination.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("extracting " + builtJar + " took longer than 120 s");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + builtJar, ex);
        }
        if (process.exitValue() != 0) {
            throw new IOException("extracting " + builtJar + " failed (exit " + process.exitValue() + "); see " + log);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The jar a service runs from, and the cache it starts with when there is one. */
    record Prepared(Path jar, Optional<Path> cache) {

        List<String> jvmOptions() {
            return cache.map(path -> List.of("-XX:AOTCache=" + path)).orElse(List.of());
        }
    }
}
