package io.tienda.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bookkeeping for requests let through because Redis did not answer. Availability beats
 * enforcement here, but the outage must be visible: a warning when it starts (then at most every
 * {@link #REPEAT}, not once per request) and a counter to alert on.
 */
class FailOpen {

    static final Duration REPEAT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(FailOpen.class);

    private final Counter passed;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong lastWarning = new AtomicLong();

    FailOpen(MeterRegistry meters) {
        this.passed = Counter.builder("tienda.gateway.rate_limit.fail_open")
                .description("Requests let through unlimited because the rate-limit store did not answer")
                .register(meters);
    }

    void record(String tier, Throwable failure) {
        passed.increment();
        long now = System.nanoTime();
        long last = lastWarning.get();
        boolean started = failing.compareAndSet(false, true);
        if ((started || now - last >= REPEAT.toNanos()) && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate limiting is failing open ({} tier): Redis did not answer ({}); requests pass unlimited",
                    tier, failure.toString());
        }
    }

    void recovered() {
        if (failing.compareAndSet(true, false)) {
            log.info("Rate limiting is enforced again: Redis answers");
        }
    }
}
