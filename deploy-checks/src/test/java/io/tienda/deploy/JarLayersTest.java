package io.tienda.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The layers the Dockerfiles copy exist in each module's Spring Boot jar. The jars come from the
 * modules' own builds, earlier in the reactor; this module is last in the root pom.
 */
class JarLayersTest {

    static Stream<Fleet> modules() {
        return Fleet.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void theJarHasTheLayersTheDockerfileCopies(Fleet module) {
        Path jar = Repo.path(module.jar());
        if (!Files.isRegularFile(jar)) {
            fail("%s is missing: the layering check reads the built jar. Build it first, e.g. "
                    + "./mvnw -pl %s -am package -DskipTests (./mvnw verify from the root builds every jar before "
                    + "this module)", module.jar(), module.name());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Repo.Result result = Repo.run("a JDK", java, "-Djarmode=tools", "-jar", jar.toString(), "list-layers");
        assertThat(result.exitCode()).as("list-layers of %s:%n%s", module.jar(), result.output()).isZero();
        List<String> layers = result.output().lines().map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("Picked up")).toList();
        assertThat(layers).as("layers of %s", module.jar()).containsExactlyElementsOf(DockerfileLintTest.LAYERS);
    }
}
