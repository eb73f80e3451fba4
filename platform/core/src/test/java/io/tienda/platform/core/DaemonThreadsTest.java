package io.tienda.platform.core;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadFactory;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonThreadsTest {

    @Test
    void threadsAreDaemonsNumberedUnderTheirName() {
        ThreadFactory factory = DaemonThreads.named("relay");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
        assertThat(first.getName()).isEqualTo("relay-1");
        assertThat(second.getName()).isEqualTo("relay-2");
        assertThat(DaemonThreads.named("other").newThread(() -> { }).getName()).isEqualTo("other-1");
    }
}
