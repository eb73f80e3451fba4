package io.tienda.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import io.tienda.fleet.StaleModules.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StaleModulesTest {

    private static final Instant BUILT = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path root;

    @BeforeEach
    void reactor() throws IOException {
        write("pom.xml", """
                <project><artifactId>tienda-parent</artifactId>
                  <modules><module>platform/starter</module><module>platform/events</module>
                  <module>platform/testing</module><module>order-service</module></modules>
                </project>""", BUILT.minusSeconds(3600));
        write("platform/starter/pom.xml", """
                <project><artifactId>tienda-starter</artifactId>
                  <dependencies><dependency><artifactId>tienda-events</artifactId></dependency></dependencies>
                </project>""", BUILT.minusSeconds(3600));
        write("platform/starter/src/main/java/Starter.java", "class Starter {}", BUILT.minusSeconds(3600));
        write("platform/events/pom.xml", "<project><artifactId>tienda-events</artifactId></project>",
                BUILT.minusSeconds(3600));
        write("platform/events/src/main/java/Events.java", "class Events {}", BUILT.minusSeconds(3600));
        write("platform/testing/pom.xml", "<project><artifactId>tienda-testing</artifactId></project>",
                BUILT.minusSeconds(3600));
        write("platform/testing/src/main/java/Infra.java", "class Infra {}", BUILT.minusSeconds(3600));
        write("order-service/pom.xml", """
                <project><artifactId>order-service</artifactId>
                  <dependencyManagement><dependencies>
                    <dependency><artifactId>tienda-testing</artifactId></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><artifactId>tienda-starter</artifactId></dependency>
                    <dependency><artifactId>tienda-testing</artifactId><scope>test</scope></dependency>
                  </dependencies>
                </project>""", BUILT.minusSeconds(3600));
        write("order-service/src/main/java/Order.java", "class Order {}", BUILT.minusSeconds(60));
        write("order-service/target/order-service.jar", "jar", BUILT);
    }

    @Test
    void aJarNewerThanEverythingIsFresh() {
        assertThat(check("order-service").state()).isEqualTo(State.FRESH);
    }

    @Test
    void aChangedSourceMakesItStale() throws IOException {
        touch("order-service/src/main/resources/application.yml", BUILT.plusSeconds(5));

        StaleModules.Status status = check("order-service");

        assertThat(status.state()).isEqualTo(State.STALE);
        assertThat(status.reason()).isEqualTo("order-service/src/main/resources/application.yml changed");
        assertThat(status.needsBuild()).isTrue();
    }

    @Test
    void aChangedModulePomOrParentPomMakesItStale() throws IOException {
        touch("pom.xml", BUILT.plusSeconds(1));
        assertThat(check("order-service").reason()).isEqualTo("pom.xml changed");
    }

    @Test
    void aChangedRuntimeDependencyMakesItStaleTransitively() throws IOException {
        touch("platform/events/src/main/java/Events.java", BUILT.plusSeconds(1));

        assertThat(check("order-service").reason()).isEqualTo("platform/events/src/main/java/Events.java changed");
    }

    @Test
    void testScopedDependenciesAndTestSourcesDoNotCount() throws IOException {
        touch("platform/testing/src/main/java/Infra.java", BUILT.plusSeconds(1));
        touch("order-service/src/test/java/OrderTest.java", BUILT.plusSeconds(1));

        assertThat(check("order-service").state()).isEqualTo(State.FRESH);
    }

    @Test
    void aMissingJarNeedsABuild() throws IOException {
        Files.delete(root.resolve("order-service/target/order-service.jar"));

        StaleModules.Status status = check("order-service");

        assertThat(status.state()).isEqualTo(State.NO_JAR);
        assertThat(status.needsBuild()).isTrue();
    }

    @Test
    void aModuleWithoutSourcesIsNotWrittenYet() throws IOException {
        write("cart-service/pom.xml", "<project><artifactId>cart-service</artifactId></project>", BUILT);

        assertThat(check("cart-service").state()).isEqualTo(State.NOT_WRITTEN);
        assertThat(check("cart-service").needsBuild()).isFalse();
        assertThat(check("returns-service").state()).isEqualTo(State.NOT_WRITTEN);
    }

    private StaleModules.Status check(String module) {
        return new StaleModules(root).check(module);
    }

    private void touch(String file, Instant time) throws IOException {
        Path path = root.resolve(file);
        if (!Files.exists(path)) {
            Files.createDirectories(path.getParent());
            Files.writeString(path, "changed");
        }
        Files.setLastModifiedTime(path, FileTime.from(time));
    }

    private void write(String file, String content, Instant time) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        Files.setLastModifiedTime(path, FileTime.from(time));
    }

}
