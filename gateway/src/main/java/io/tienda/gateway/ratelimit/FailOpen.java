package io.tienda.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bookkeeping for requests let through because Redis did not answer, and for spending a replica
 * could not report to it ({@link LocalBuckets}). Availability beats enforcement here, but the
 * outage must be visible: a warning when it starts (then at most every {@link #REPEAT}, not once
 * per request) and a counter of each kind to alert on.
 */
class FailOpen {

    static final Duration REPEAT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(FailOpen.class);

    private final Counter passed;
    private final Counter unsettled;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong lastWarning = new AtomicLong();

    FailOpen(MeterRegistry meters) {
        this.passed = Counter.builder("tienda.gateway.rate_limit.fail_open")
                .description("Requests let through unlimited because the rate-limit store did not answer")
                .register(meters);
        this.unsettled = Counter.builder("tienda.gateway.rate_limit.unsettled")
                .description("Tokens this replica spent whose report the rate-limit store did not take, each failed "
                        + "report counted (they are reported again with the next settlement); the replica limited alone")
                .register(meters);
    }

    /** A request of an exact tier passed without Redis' word. */
    void record(String tier, Throwable failure) {
        passed.increment();
        if (shouldWarn()) {
            log.warn("Rate limiting is failing open ({} tier): Redis did not answer ({}); requests pass unlimited",
                    tier, failure.toString());
        }
    }

    /** A report of {@code tokens} spent from a tier's local buckets was not taken by Redis; it is made again later. */
    void notSettled(String tier, Throwable failure, long tokens) {
        unsettled.increment(tokens);
        if (shouldWarn()) {
            log.warn("Rate limiting is per replica ({} tier): Redis did not take this replica's spending ({}); "
                    + "each replica limits on its own until it does", tier, failure.toString());
        }
    }

    private boolean shouldWarn() {
        long now = System.nanoTime();
        long last = lastWarning.get();
        boolean started = failing.compareAndSet(false, true);
        return (started || now - last >= REPEAT.toNanos()) && lastWarning.compareAndSet(last, now);
    }

    void recovered() {
        if (failing.compareAndSet(true, false)) {
            log.info("Rate limiting is enforced again: Redis answers");
        }
    }
}
