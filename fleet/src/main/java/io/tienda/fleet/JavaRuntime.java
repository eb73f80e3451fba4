package io.tienda.fleet;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDK that can run the services. The fleet prefers the newest one installed: Java 21+ gives the
 * services virtual threads.
 *
 * @param feature the major version, e.g. 25
 */
record JavaRuntime(Path executable, int feature) {

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([0-9][0-9._+a-zA-Z-]*)\"?");

    boolean hasVirtualThreads() {
        return feature >= 21;
    }

    /** {@code TIENDA_JAVA} when set, else the newest JDK under /usr/lib/jvm, JAVA_HOME or this JVM's own. */
    static JavaRuntime newest() {
        String forced = System.getenv("TIENDA_JAVA");
        if (forced != null && !forced.isBlank()) {
            Path executable = Path.of(forced);
            Path home = executable.getParent().getParent();
            return new JavaRuntime(executable, readFeature(home).orElse(Runtime.version().feature()));
        }
        List<Path> homes = new ArrayList<>();
        try (DirectoryStream<Path> jvms = Files.newDirectoryStream(Path.of("/usr/lib/jvm"))) {
            jvms.forEach(homes::add);
        }
        catch (IOException ex) {
            // no system JDK directory: JAVA_HOME or this JVM will do
        }
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(homes::add);
        homes.add(Path.of(System.getProperty("java.home")));
        return newestOf(homes).orElseGet(() -> new JavaRuntime(
                Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version().feature()));
    }

    static Optional<JavaRuntime> newestOf(List<Path> homes) {
        return homes.stream()
            .filter(home -> Files.isExecutable(home.resolve("bin/java")))
            .flatMap(home -> readFeature(home).map(feature -> new JavaRuntime(home.resolve("bin/java"), feature)).stream())
            // equal versions: the first candidate wins, i.e. the system JDKs before JAVA_HOME
            .max(Comparator.comparingInt(JavaRuntime::feature).thenComparing(runtime -> -homes.indexOf(
                    runtime.executable().getParent().getParent())));
    }

    private static Optional<Integer> readFeature(Path home) {
        try {
            return featureOf(Files.readString(home.resolve("release")));
        }
        catch (IOException ex) {
            return Optional.empty();
        }
    }

    /** The major version in a JDK's {@code release} file: "25.0.1" is 25, "1.8.0_392" is 8. */
    static Optional<Integer> featureOf(String releaseFile) {
        Matcher matcher = VERSION.matcher(releaseFile);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String[] parts = matcher.group(1).split("[._+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return Optional.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

}
