package io.tienda.deploy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A small lint of the image definition every module is built from: the rules the images are built to. */
class DockerfileLintTest {

    static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
            "application");

    record Instruction(String keyword, String arguments) {
    }

    static Stream<Fleet> modules() {
        return Fleet.ALL.stream();
    }

    /** Instructions with their continuation lines joined and comments dropped. */
    static List<Instruction> parse(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            current.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            int space = text.indexOf(' ');
            instructions.add(space < 0 ? new Instruction(text.toUpperCase(Locale.ROOT), "")
                    : new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT), text.substring(space + 1).strip()));
        }
        return instructions;
    }

    /** The one image definition of every module; each module's image passes its name and ports. */
    static final String DOCKERFILE = "deploy/Dockerfile";

    @Test
    void theImageDefinitionFollowsTheImageRules() {
        assertThat(Repo.path(DOCKERFILE)).exists();
        List<Instruction> instructions = parse(Repo.read(DOCKERFILE));
        String name = DOCKERFILE;
        SoftAssertions soft = new SoftAssertions();

        List<Instruction> froms = instructions.stream().filter(i -> i.keyword().equals("FROM")).toList();
        soft.assertThat(froms).as("%s: multi-stage (a build stage and a runtime stage)", name).hasSizeGreaterThanOrEqualTo(2);
        List<String> stages = new ArrayList<>();
        for (Instruction from : froms) {
            String[] words = from.arguments().split("\\s+");
            String image = words[0].startsWith("--platform") ? words[1] : words[0];
            if (!stages.contains(image)) {
                String lastPart = image.substring(image.lastIndexOf('/') + 1);
                soft.assertThat(lastPart).as("%s: FROM %s is pinned to a tag or digest", name, image).containsAnyOf(":", "@");
                soft.assertThat(lastPart).as("%s: FROM %s", name, image).doesNotEndWith(":latest");
            }
            int as = List.of(words).indexOf("AS") >= 0 ? List.of(words).indexOf("AS") : List.of(words).indexOf("as");
            if (as >= 0) {
                stages.add(words[as + 1]);
            }
        }
        soft.assertThat(froms).last().as("%s: runtime stage", name)
            .satisfies(from -> assertThat(from.arguments()).startsWith("eclipse-temurin:").contains("-jre"));

        List<Instruction> runtime = instructions.subList(instructions.lastIndexOf(froms.get(froms.size() - 1)),
                instructions.size());
        List<Instruction> users = runtime.stream().filter(i -> i.keyword().equals("USER")).toList();
        soft.assertThat(users).as("%s: a USER in the runtime stage", name).isNotEmpty();
        if (!users.isEmpty()) {
            String user = users.get(users.size() - 1).arguments().split(":")[0];
            soft.assertThat(user).as("%s: USER is not root", name).isNotIn("root", "0");
            soft.assertThat(user).as("%s: USER is the fixed uid the pods run as", name).isEqualTo("10001");
        }

        List<Instruction> healthchecks = runtime.stream().filter(i -> i.keyword().equals("HEALTHCHECK")).toList();
        soft.assertThat(healthchecks).as("%s: HEALTHCHECK", name).hasSize(1);
        healthchecks.forEach(check -> soft.assertThat(check.arguments()).as("%s: HEALTHCHECK", name)
            .isNotEqualToIgnoringCase("NONE").contains("/actuator/health/liveness")
            .contains("${TIENDA_HEALTH_PORT}"));

        instructions.stream().filter(i -> i.keyword().equals("ADD")).forEach(add -> soft.assertThat(add.arguments())
            .as("%s: ADD of a URL (download in a RUN with a checksum instead)", name)
            .doesNotContainPattern("(?i)(https?|ftp)://"));

        List<Instruction> entrypoints = runtime.stream().filter(i -> i.keyword().equals("ENTRYPOINT")).toList();
        soft.assertThat(entrypoints).as("%s: ENTRYPOINT", name).hasSize(1);
        entrypoints.forEach(entrypoint -> soft.assertThat(entrypoint.arguments())
            .as("%s: ENTRYPOINT in exec form (signals reach the JVM)", name)
            .isEqualTo("[\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]"));

        soft.assertThat(instructions).as("%s: the build stage extracts the jar's layers", name)
            .anyMatch(i -> i.keyword().equals("RUN") && i.arguments().contains("-Djarmode=tools")
                    && i.arguments().contains("extract") && i.arguments().contains("--layers")
                    && i.arguments().contains("--launcher"));
        soft.assertThat(instructions).as("%s: copies the module's own jar", name)
            .anyMatch(i -> i.keyword().equals("COPY") && i.arguments().startsWith("target/${SERVICE}.jar "));
        soft.assertThat(instructions).as("%s: the module's name and ports are build arguments", name)
            .anyMatch(i -> i.keyword().equals("ARG") && i.arguments().equals("SERVICE"))
            .anyMatch(i -> i.keyword().equals("ARG") && i.arguments().equals("PORT"))
            .anyMatch(i -> i.keyword().equals("ARG") && i.arguments().startsWith("MANAGEMENT_PORT="));
        List<String> layerCopies = runtime.stream()
            .filter(i -> i.keyword().equals("COPY") && i.arguments().startsWith("--from="))
            .map(i -> LAYERS.stream().filter(layer -> i.arguments().contains("/" + layer + "/")).findFirst().orElse("?"))
            .toList();
        soft.assertThat(layerCopies).as("%s: one COPY per layer, least changing first", name).isEqualTo(LAYERS);

        List<String> exposed = runtime.stream().filter(i -> i.keyword().equals("EXPOSE"))
            .flatMap(i -> Stream.of(i.arguments().split("\\s+"))).toList();
        soft.assertThat(exposed).as("%s: EXPOSE", name).contains("${PORT}", "${MANAGEMENT_PORT}");
        soft.assertThat(runtime).as("%s: the healthcheck's port", name)
            .anyMatch(i -> i.keyword().equals("ENV") && i.arguments().contains("TIENDA_HEALTH_PORT=${MANAGEMENT_PORT}"));
        soft.assertThat(runtime).as("%s: container-aware heap", name)
            .anyMatch(i -> i.keyword().equals("ENV") && i.arguments().contains("JAVA_TOOL_OPTIONS")
                    && i.arguments().contains("-XX:MaxRAMPercentage="));
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void theBuildContextHoldsOnlyTheJar(Fleet module) throws Exception {
        var ignore = Repo.path(module.name() + "/.dockerignore");
        assertThat(ignore).exists();
        assertThat(Files.readAllLines(ignore)).contains("*", "!target/" + module.name() + ".jar");
    }
}
