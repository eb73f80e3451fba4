package io.tienda.platform.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tienda.platform.testing.infra.Server;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownHookTest {

    /** Repeated: the JVM starts its hooks in no fixed order, and the servers' may run first or last. */
    @RepeatedTest(10)
    void theServersStopOnlyOnceTheContextsAreClosed() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExitingJvm.class.getName())
            .redirectErrorStream(true)
            .start();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
            .filter(line -> line.startsWith("event:"))
            .toList();

        assertThat(lines).containsExactly("event: exit", "event: context closed", "event: server closed");
    }

    @Test
    void aContextThatDoesNotCloseHoldsTheServersOnlySoLong() throws InterruptedException {
        CountDownLatch released = new CountDownLatch(1);
        Thread stuck = new Thread(() -> {
            try {
                released.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "SpringApplicationShutdownHook");
        stuck.setDaemon(true);
        stuck.start();
        try {
            long started = System.nanoTime();

            assertThat(ShutdownHook.awaitContextHooks(List.of(stuck), Duration.ofMillis(300))).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
        finally {
            released.countDown();
        }
        stuck.join();
        assertThat(ShutdownHook.awaitContextHooks(List.of(stuck), Duration.ofMillis(300))).isTrue();
    }

    /**
     * A test JVM in small: a shared server registered, a context that takes a while to close in a hook
     * named as Spring Boot names its own, and an exit.
     */
    static final class ExitingJvm {

        public static void main(String[] args) {
            ShutdownHook.closeOnExit(new Recorded());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                pause(500);
                System.out.println("event: context closed");
            }, "SpringApplicationShutdownHook"));
            System.out.println("event: exit");
            System.exit(0);
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }

    }

    private static final class Recorded implements Server {

        @Override
        public String name() {
            return "recorded";
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public void close() {
            System.out.println("event: server closed");
        }

    }

}
