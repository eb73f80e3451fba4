package io.tienda.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AotCacheTest {

    @TempDir
    Path root;

    private final JavaRuntime java25 = new JavaRuntime(Path.of("/jdk25/bin/java"), 25);

    private final ServiceSpec orders = Catalog.byName("order-service").orElseThrow();

    @Test
    void aTrainingStartIsInvisibleToTheFleetAndEndsOnceTheContextIsUp() {
        Map<String, String> properties = AotCache.trainingProperties(Map.of("server.port", "8003",
                "spring.datasource.url", "jdbc:postgresql://localhost:5432/orders"));

        assertThat(properties).containsEntry("server.port", "0")
            .containsEntry("eureka.client.register-with-eureka", "false")
            .containsEntry("eureka.client.fetch-registry", "false")
            .containsEntry("spring.kafka.listener.auto-startup", "false")
            .containsEntry("spring.datasource.url", "jdbc:postgresql://localhost:5432/orders")
            .doesNotContainKey("management.server.port");
        assertThat(AotCache.trainingProperties(Map.of("server.port", "8080", "management.server.port", "8081")))
            .as("the gateway's actuator port moves too").containsEntry("management.server.port", "0");
    }

    @Test
    void writesTheCacheApartAndStartsWithItOnlyOnceItIsComplete() throws IOException {
        AotCache cache = new AotCache(root, java25, Map.of());
        assertThat(cache.trainingJvmOptions(orders)).containsExactly("-XX:+UnlockDiagnosticVMOptions",
                "-XX:-AOTAdapterCaching", "-XX:AOTCacheOutput=" + root.resolve("order-service/order-service.aot.partial"),
                "-Dspring.context.exit=onRefresh");
        assertThat(new AotCache.Prepared(Path.of("app.jar"), java.util.Optional.of(cache.cacheOf(orders.name()))).jvmOptions())
            .containsExactly("-XX:AOTCache=" + root.resolve("order-service/order-service.aot"));
        assertThat(new AotCache.Prepared(Path.of("app.jar"), java.util.Optional.empty()).jvmOptions()).isEmpty();
    }

    @Test
    void aRebuiltJarOrAnotherJdkMakesANewStamp() throws IOException {
        Path jar = Files.writeString(root.resolve("order-service.jar"), "v1");
        AotCache cache = new AotCache(root.resolve("app"), java25, Map.of());
        String first = cache.stamp(jar);

        Files.writeString(jar, "v2 longer");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        assertThat(cache.stamp(jar)).isNotEqualTo(first);
        assertThat(new AotCache(root.resolve("app"), new JavaRuntime(Path.of("/jdk26/bin/java"), 26), Map.of())
            .stamp(jar)).isNotEqualTo(cache.stamp(jar));
    }

    @Test
    void isOffBeforeJava25AndWhenSwitchedOff() {
        assertThat(new AotCache(root, java25, Map.of()).enabled()).isTrue();
        assertThat(new AotCache(root, java25, Map.of(AotCache.SWITCH, "off")).enabled()).isFalse();
        assertThat(new AotCache(root, new JavaRuntime(Path.of("/jdk17/bin/java"), 17), Map.of()).enabled()).isFalse();
    }

    @Test
    void commandsCarryTheCacheOptionBeforeTheJar() {
        List<String> command = ServiceCommand.of(Catalog.byName("order-service").orElseThrow(), java25,
                Path.of("/app/order-service.jar"),
                List.of("-XX:AOTCache=/c.aot"), Map.of("server.port", "8003"), null);

        assertThat(command).containsSubsequence("-XX:AOTCache=/c.aot", "-jar", "/app/order-service.jar",
                "--server.port=8003");
    }

    @Test
    void theLauncherTrainsWithItsOwnOptionsOnlyWhenItRunsFromItsExtractedJar() {
        AotCache cache = new AotCache(root, java25, Map.of());
        List<String> options = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:AOTCache=" + cache.cacheOf(AotCache.LAUNCHER),
                "-Dtienda.root=/repo");

        assertThat(cache.launcherTraining(Path.of("/jdk25"), cache.launcherJar(), options)).contains(List.of(
                "/jdk25/bin/java", "-Xmx512m", "-XX:+UseSerialGC", "-Dtienda.root=/repo",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTAdapterCaching", "-XX:AOTCacheOutput=" + root.resolve("launcher/launcher.aot.partial"),
                "-jar", root.resolve("launcher/app/tienda-fleet.jar").toString(), "aot-training"));
        assertThat(cache.launcherTraining(Path.of("/jdk25"), Path.of("fleet/target/tienda-fleet.jar"), options))
            .as("a cache is only valid for the classpath it was made on").isEmpty();
    }

    @Test
    void aJvmNeedsTrainingOnceItsJarIsExtractedAndUntilItsCacheIsThere() throws IOException {
        AotCache cache = new AotCache(root, java25, Map.of());
        assertThat(cache.needsTraining(AotCache.LAUNCHER)).as("nothing extracted yet").isFalse();

        Files.createDirectories(root.resolve("launcher"));
        Files.writeString(root.resolve("launcher/stamp"), "1 2 /jdk25/bin/java");
        assertThat(cache.needsTraining(AotCache.LAUNCHER)).isTrue();
        assertThat(new AotCache(root, java25, Map.of(AotCache.SWITCH, "off")).needsTraining(AotCache.LAUNCHER)).isFalse();

        Files.writeString(cache.cacheOf(AotCache.LAUNCHER), "cache");
        assertThat(cache.needsTraining(AotCache.LAUNCHER)).isFalse();
    }
}
