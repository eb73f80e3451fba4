package io.tienda.user.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time plus an offset that tests move forward, never back: expiries and lockouts can be
 * crossed without waiting, and tokens issued "later" stay valid for validators on real time.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in UTC");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        /** Replaces the starter's system clock (it backs off when a Clock bean exists). */
        @Bean
        MutableClock testClock() {
            return new MutableClock();
        }
    }
}
