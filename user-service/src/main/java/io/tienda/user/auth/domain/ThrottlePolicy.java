package io.tienda.user.auth.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed sign-ins slow down and then lock out one key (an account or a client IP).
 *
 * <p>Failures count within a {@code window} that starts at the first failure. The first
 * {@code freeFailures} cost nothing (everybody mistypes); each further one makes the next attempt
 * wait twice as long as the last, from {@code firstDelay} up to {@code maxDelay}. The
 * {@code lockAfter}-th failure locks the key for {@code lockout}, and every further lockout doubles
 * that, up to {@code maxLockout}. Lockouts are forgotten after {@code forgetAfter} without failures.
 */
public record ThrottlePolicy(int freeFailures, int lockAfter, Duration window, Duration firstDelay,
        Duration maxDelay, Duration lockout, Duration maxLockout, Duration forgetAfter) {

    public ThrottlePolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(maxLockout, "maxLockout");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (freeFailures < 0 || lockAfter < 1 || freeFailures >= lockAfter) {
            throw new IllegalArgumentException("need 0 <= free-failures < lock-after, got "
                    + freeFailures + " and " + lockAfter);
        }
        if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()
                || maxLockout.compareTo(lockout) < 0 || maxDelay.compareTo(firstDelay) < 0 || firstDelay.isNegative()) {
            throw new IllegalArgumentException("throttle durations must be positive and max >= first");
        }
    }

    /** The wait before the next attempt after the {@code failures}-th failure of a window (zero when free). */
    public Duration delayAfter(int failures) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        return doubled(firstDelay, failures - freeFailures - 1, maxDelay);
    }

    /** How long the {@code lockouts}-th lockout lasts (1 for the first). */
    public Duration lockoutNumber(int lockouts) {
        return doubled(lockout, Math.max(0, lockouts - 1), maxLockout);
    }

    private static Duration doubled(Duration base, int times, Duration cap) {
        Duration value = base;
        for (int i = 0; i < times && value.compareTo(cap) < 0; i++) {
            value = value.multipliedBy(2);
        }
        return value.compareTo(cap) > 0 ? cap : value;
    }
}
