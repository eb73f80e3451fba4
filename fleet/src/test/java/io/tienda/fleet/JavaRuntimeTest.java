package io.tienda.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JavaRuntimeTest {

    @TempDir
    Path jvms;

    @Test
    void readsTheMajorVersionFromTheReleaseFile() {
        assertThat(JavaRuntime.featureOf("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n")).contains(25);
        assertThat(JavaRuntime.featureOf("JAVA_VERSION=\"17.0.15\"")).contains(17);
        assertThat(JavaRuntime.featureOf("JAVA_VERSION=\"21\"")).contains(21);
        assertThat(JavaRuntime.featureOf("JAVA_VERSION=\"1.8.0_392\"")).contains(8);
        assertThat(JavaRuntime.featureOf("JAVA_RUNTIME_VERSION=\"25+36\"")).isEmpty();
    }

    @Test
    void picksTheNewestInstalledJdk() throws IOException {
        Path jdk17 = jdk("java-17-openjdk-amd64", "17.0.15");
        Path jdk25 = jdk("temurin-25-jdk-amd64", "25.0.1");
        Path broken = Files.createDirectories(jvms.resolve("broken"));

        JavaRuntime newest = JavaRuntime.newestOf(List.of(jdk17, broken, jdk25)).orElseThrow();

        assertThat(newest.feature()).isEqualTo(25);
        assertThat(newest.executable()).isEqualTo(jdk25.resolve("bin/java"));
        assertThat(newest.hasVirtualThreads()).isTrue();
        assertThat(JavaRuntime.newestOf(List.of(jdk17)).orElseThrow().hasVirtualThreads()).isFalse();
        assertThat(JavaRuntime.newestOf(List.of(broken))).isEmpty();
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = jvms.resolve(name);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

}
