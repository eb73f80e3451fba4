package io.tienda.notification.history.domain;

import java.time.Duration;

/**
 * How failed sends are retried: the first retry after {@code initial}, each further one after twice
 * the previous wait, never more than {@code max}; after {@code maxAttempts} failed sends, no more.
 */
public record RetryPolicy(Duration initial, Duration max, int maxAttempts) {

    public RetryPolicy {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff must grow from a positive initial wait to its maximum, "
                    + "with at least one attempt");
        }
    }

    /** The wait after the {@code failures}-th failed send (1 for the first). */
    public Duration delayAfter(int failures) {
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
