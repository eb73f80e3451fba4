package io.tienda.platform.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tienda.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxBacklogTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final MovableClock clock = new MovableClock(T0);

    @Test
    void theGaugesShowThePendingMessagesAndHowLongTheOldestHasWaited() {
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<OutboxBacklog.Snapshot> store =
                new AtomicReference<>(new OutboxBacklog.Snapshot(3, T0.minusSeconds(42)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new OutboxBacklog("jdbc", () -> {
            reads.incrementAndGet();
            return store.get();
        }, clock).bindTo(registry);

        assertThat(registry.get("tienda.outbox.backlog").tag("store", "jdbc").gauge().value()).isEqualTo(3);
        assertThat(registry.get("tienda.outbox.oldest.age").tag("store", "jdbc").gauge().value()).isEqualTo(42);
        assertThat(reads).as("both gauges read one snapshot").hasValue(1);

        // drained: the next reading after the refresh interval says so
        store.set(new OutboxBacklog.Snapshot(0, null));
        clock.set(T0.plus(OutboxBacklog.REFRESH).plusMillis(1));
        assertThat(registry.get("tienda.outbox.backlog").gauge().value()).isZero();
        assertThat(registry.get("tienda.outbox.oldest.age").gauge().value()).isZero();
        assertThat(reads).hasValue(2);
    }

    @Test
    void prometheusSeesTheNamesTheDashboardQueries() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new OutboxBacklog("jdbc", () -> new OutboxBacklog.Snapshot(2, T0.minusSeconds(7)), clock).bindTo(registry);

        assertThat(registry.scrape())
                .contains("tienda_outbox_backlog_messages{store=\"jdbc\"} 2.0")
                .contains("tienda_outbox_oldest_age_seconds{store=\"jdbc\"} 7.0");
    }

    @Test
    void anUnreadableStoreIsNaNNotZero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new OutboxBacklog("mongo", () -> {
            throw new IllegalStateException("connection refused");
        }, clock).bindTo(registry);

        assertThat(registry.get("tienda.outbox.backlog").tag("store", "mongo").gauge().value()).isNaN();
        assertThat(registry.get("tienda.outbox.oldest.age").tag("store", "mongo").gauge().value()).isNaN();
    }

    @Test
    void readingsWithinTheRefreshIntervalAreServedFromTheLastOne() {
        AtomicInteger reads = new AtomicInteger();
        OutboxBacklog backlog = new OutboxBacklog("jdbc", () -> new OutboxBacklog.Snapshot(reads.incrementAndGet(),
                T0), clock);

        assertThat(backlog.snapshot().messages()).isEqualTo(1);
        clock.set(T0.plus(OutboxBacklog.REFRESH).minusMillis(1));
        assertThat(backlog.snapshot().messages()).isEqualTo(1);
        clock.set(T0.plus(Duration.ofSeconds(6)));
        assertThat(backlog.snapshot().messages()).isEqualTo(2);
    }
}
