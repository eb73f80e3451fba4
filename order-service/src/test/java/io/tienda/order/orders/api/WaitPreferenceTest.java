package io.tienda.order.orders.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WaitPreferenceTest {

    private static final Duration MAX = Duration.ofSeconds(5);

    @Test
    void readsTheWaitAmongOtherPreferencesAndCutsItToTheMost() {
        assertThat(WaitPreference.of("wait=3", MAX)).contains(Duration.ofSeconds(3));
        assertThat(WaitPreference.of("respond-async, Wait = 2", MAX)).contains(Duration.ofSeconds(2));
        assertThat(WaitPreference.of("wait=\"4\"; foo=bar", MAX)).contains(Duration.ofSeconds(4));
        assertThat(WaitPreference.of("wait=600", MAX)).contains(MAX);
        assertThat(WaitPreference.of("wait=2147483648", MAX)).contains(MAX);
        assertThat(WaitPreference.of("wait=99999999999999999999999", MAX)).contains(MAX);
        assertThat(WaitPreference.of("wait=0000000000003", MAX)).contains(Duration.ofSeconds(3));
        assertThat(WaitPreference.applied(Duration.ofSeconds(5))).isEqualTo("wait=5");
    }

    @Test
    void ignoresWhatItCannotRead() {
        for (String prefer : new String[] {null, "", "wait", "wait=", "wait=0", "wait=-1", "wait=1.5", "wait=abc",
                "wait=0000000000000", "return=minimal", "waiting=3"}) {
            assertThat(WaitPreference.of(prefer, MAX)).as(String.valueOf(prefer)).isEmpty();
        }
    }
}
