package io.tienda.user.auth.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The failed-sign-in state of one key (an account or a client IP), as stored; see {@link ThrottlePolicy}.
 *
 * @param failures        failures in the current window
 * @param windowStartedAt the first failure of the current window; null when there is none
 * @param lockouts        lockouts so far, doubling the next one
 * @param lockedUntil     no attempt before this instant; null when not locked
 * @param nextAttemptAt   the growing delay: no attempt before this instant; null when none
 */
public record Throttle(int failures, Instant windowStartedAt, Instant lastFailureAt, int lockouts,
        Instant lockedUntil, Instant nextAttemptAt) {

    public static final Throttle NONE = new Throttle(0, null, null, 0, null, null);

    /** How long the caller must wait before trying again, or empty when an attempt is allowed now. */
    public Optional<Duration> retryAfter(Instant now) {
        Instant until = later(lockedUntil, nextAttemptAt);
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The state after one more failure at {@code now}. */
    public Throttle afterFailure(ThrottlePolicy policy, Instant now) {
        if (lockedAt(now)) {
            // A failure that raced past the lock check neither extends nor resets the lockout.
            return new Throttle(failures, windowStartedAt, now, lockouts, lockedUntil, nextAttemptAt);
        }
        int lockoutsSoFar = lastFailureAt != null && !now.isBefore(lastFailureAt.plus(policy.forgetAfter()))
                ? 0 : lockouts;
        boolean newWindow = windowStartedAt == null || !now.isBefore(windowStartedAt.plus(policy.window()));
        int count = (newWindow ? 0 : failures) + 1;
        Instant windowStart = newWindow ? now : windowStartedAt;
        if (count >= policy.lockAfter()) {
            int lockoutNumber = lockoutsSoFar + 1;
            return new Throttle(0, null, now, lockoutNumber, now.plus(policy.lockoutNumber(lockoutNumber)), null);
        }
        Duration delay = policy.delayAfter(count);
        return new Throttle(count, windowStart, now, lockoutsSoFar, null, delay.isZero() ? null : now.plus(delay));
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
