package io.tienda.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The outbox's backlog as two gauges: {@code tienda.outbox.backlog} (messages committed but not yet on
 * Kafka) and {@code tienda.outbox.oldest.age} (seconds the oldest of them has waited; 0 when there is
 * none). A backlog that grows, or an age beyond the resubmission interval, means the relay is stuck
 * (Kafka down, the relay's queue full). Both read one snapshot of the store, taken at most once per
 * {@link #REFRESH}, so a scrape costs one query; when the store cannot be read the gauges say NaN.
 * Tagged {@code store=jdbc} or {@code store=mongo}; each store is read by a class of its own
 * ({@link JdbcOutboxReader}, {@link MongoOutboxReader}), so a service loads only its own store's driver.
 * A service with an outbox of its own (cart-service's, in Redis) registers it with {@link #of}.
 */
public final class OutboxBacklog implements MeterBinder {

    /** How long one reading of the store serves every gauge and scrape. */
    static final Duration REFRESH = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    /** What the outbox holds: pending messages and when the oldest was written (null when none). */
    public record Snapshot(long messages, Instant oldest) {

        static final Snapshot UNKNOWN = new Snapshot(-1, null);

        double ageSeconds(Instant now) {
            if (messages < 0) {
                return Double.NaN;
            }
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
        }
    }

    private final String storeName;
    private final Supplier<Snapshot> store;
    private final Clock clock;
    private Snapshot last = Snapshot.UNKNOWN;
    private Instant readAt = Instant.MIN;

    /**
     * The gauges of an outbox this starter does not know, e.g. one kept in Redis by the service itself.
     *
     * @param storeName the {@code store} tag
     * @param store     reads the outbox; may throw when the store cannot be read
     */
    public static OutboxBacklog of(String storeName, Supplier<Snapshot> store) {
        return new OutboxBacklog(storeName, store, Clock.systemUTC());
    }

    OutboxBacklog(String storeName, Supplier<Snapshot> store, Clock clock) {
        this.storeName = storeName;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tienda.outbox.backlog", this, backlog -> {
                    long messages = backlog.snapshot().messages();
                    return messages < 0 ? Double.NaN : messages;
                })
                .description("Messages committed to the outbox and not yet sent to Kafka")
                .baseUnit("messages")
                .tag("store", storeName)
                .register(registry);
        Gauge.builder("tienda.outbox.oldest.age", this, backlog -> backlog.snapshot().ageSeconds(clock.instant()))
                .description("How long the oldest message in the outbox has waited to be sent (0 when none)")
                .baseUnit("seconds")
                .tag("store", storeName)
                .register(registry);
    }

    synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(REFRESH) >= 0) {
            try {
                last = store.get();
            } catch (RuntimeException e) {
                log.debug("outbox backlog not readable: {}", e.toString());
                last = Snapshot.UNKNOWN;
            }
            readAt = now;
        }
        return last;
    }
}
