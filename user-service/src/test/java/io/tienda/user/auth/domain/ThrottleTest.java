package io.tienda.user.auth.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThrottleTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ThrottlePolicy ACCOUNT = new ThrottlePolicy(1, 5, Duration.ofMinutes(15),
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24),
            Duration.ofHours(24));

    @Test
    void theFirstFailureIsFreeThenEachDoublesTheWait() {
        Throttle state = Throttle.NONE.afterFailure(ACCOUNT, T0);
        assertThat(state.retryAfter(T0)).isEmpty();

        state = state.afterFailure(ACCOUNT, T0.plusSeconds(1));
        assertThat(state.retryAfter(T0.plusSeconds(1))).contains(Duration.ofSeconds(1));
        state = state.afterFailure(ACCOUNT, T0.plusSeconds(3));
        assertThat(state.retryAfter(T0.plusSeconds(3))).contains(Duration.ofSeconds(2));
        state = state.afterFailure(ACCOUNT, T0.plusSeconds(6));
        assertThat(state.retryAfter(T0.plusSeconds(6))).contains(Duration.ofSeconds(4));
        assertThat(state.retryAfter(T0.plusSeconds(10))).isEmpty();
        assertThat(state.lockedAt(T0.plusSeconds(6))).isFalse();
    }

    @Test
    void theFifthFailureInTheWindowLocksForFifteenMinutesAndEachLockoutDoubles() {
        Throttle state = failures(Throttle.NONE, 5, T0);
        Instant fifth = T0.plusSeconds(40);

        assertThat(state.lockedAt(fifth)).isTrue();
        assertThat(state.retryAfter(fifth)).contains(Duration.ofMinutes(15));
        assertThat(state.lockedAt(fifth.plus(Duration.ofMinutes(15)))).isFalse();

        Instant afterFirstLock = fifth.plus(Duration.ofMinutes(16));
        Throttle again = failures(state, 5, afterFirstLock);
        Instant tenth = afterFirstLock.plusSeconds(40);
        assertThat(again.lockouts()).isEqualTo(2);
        assertThat(again.retryAfter(tenth)).contains(Duration.ofMinutes(30));
    }

    @Test
    void lockoutsStopGrowingAtTheMaximum() {
        assertThat(ACCOUNT.lockoutNumber(1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(ACCOUNT.lockoutNumber(3)).isEqualTo(Duration.ofMinutes(60));
        assertThat(ACCOUNT.lockoutNumber(8)).isEqualTo(Duration.ofHours(24));
        assertThat(ACCOUNT.lockoutNumber(1000)).isEqualTo(Duration.ofHours(24));
        assertThat(ACCOUNT.delayAfter(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ACCOUNT.delayAfter(400)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void failuresOutsideTheWindowStartANewCount() {
        Throttle state = failures(Throttle.NONE, 4, T0);
        Throttle later = state.afterFailure(ACCOUNT, T0.plus(Duration.ofMinutes(20)));

        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.retryAfter(T0.plus(Duration.ofMinutes(20)))).isEmpty();
    }

    @Test
    void aQuietDayForgetsEarlierLockouts() {
        Throttle locked = failures(Throttle.NONE, 5, T0);
        Instant nextDay = T0.plus(Duration.ofDays(2));

        Throttle relocked = failures(locked, 5, nextDay);

        assertThat(relocked.lockouts()).isEqualTo(1);
        assertThat(relocked.retryAfter(nextDay.plusSeconds(40))).contains(Duration.ofMinutes(15));
    }

    @Test
    void aFailureThatRacedPastTheLockNeitherExtendsNorLiftsIt() {
        Throttle locked = failures(Throttle.NONE, 5, T0);
        Instant during = T0.plus(Duration.ofMinutes(5));

        Throttle after = locked.afterFailure(ACCOUNT, during);

        assertThat(after.lockedUntil()).isEqualTo(locked.lockedUntil());
        assertThat(after.lockouts()).isEqualTo(1);
    }

    @Test
    void nonsensicalPoliciesAreRefused() {
        assertThatThrownBy(() -> new ThrottlePolicy(5, 5, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottlePolicy(1, 5, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottlePolicy(1, 5, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code n} failures ten seconds apart from {@code start}, each after its delay has passed. */
    private static Throttle failures(Throttle state, int n, Instant start) {
        Throttle current = state;
        for (int i = 0; i < n; i++) {
            current = current.afterFailure(ACCOUNT, start.plusSeconds(10L * i));
        }
        return current;
    }
}
