package io.tienda.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's training run, for real: Kafka, MongoDB, GreenMail and the HTTP servers on free ports. */
class LauncherTrainingTest {

    @Test
    void bootsTheInProcessServersHasKafkaServeAConsumerGroupAndLeavesNothingBehind() throws IOException {
        List<Path> before = trainingDirectories();
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int code = LauncherTraining.run(new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).startsWith("Launcher trained in ");
        assertThat(trainingDirectories()).as("its temporary directory is deleted").isEqualTo(before);
    }

    private static List<Path> trainingDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("tienda-launcher-training-"))
                .sorted()
                .toList();
        }
    }

}
