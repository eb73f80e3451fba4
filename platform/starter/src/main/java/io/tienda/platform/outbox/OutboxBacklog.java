package io.tienda.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/**
 * The outbox's backlog as two gauges: {@code tienda.outbox.backlog} (messages committed but not yet on
 * Kafka) and {@code tienda.outbox.oldest.age} (seconds the oldest of them has waited; 0 when there is
 * none). A backlog that grows, or an age beyond the resubmission interval, means the relay is stuck
 * (Kafka down, the relay's queue full). Both read one snapshot of the store, taken at most once per
 * {@link #REFRESH}, so a scrape costs one query; when the store cannot be read the gauges say NaN.
 * Tagged {@code store=jdbc} or {@code store=mongo}.
 */
public final class OutboxBacklog implements MeterBinder {

    /** How long one reading of the store serves every gauge and scrape. */
    static final Duration REFRESH = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    /** What the outbox holds: pending messages and when the oldest was written (null when none). */
    record Snapshot(long messages, Instant oldest) {

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

    OutboxBacklog(String storeName, Supplier<Snapshot> store, Clock clock) {
        this.storeName = storeName;
        this.store = store;
        this.clock = clock;
    }

    /** Spring Modulith's publication registry: rows without a completion date. */
    public static OutboxBacklog jdbc(JdbcTemplate jdbc) {
        return new OutboxBacklog("jdbc", () -> jdbc.queryForObject(
                "select count(*), min(publication_date) from event_publication where completion_date is null",
                (rs, row) -> new Snapshot(rs.getLong(1), rs.getTimestamp(2) == null ? null
                        : rs.getTimestamp(2).toInstant())), Clock.systemUTC());
    }

    /** Messages still in the {@code _outbox} array of any document, in every collection. */
    public static OutboxBacklog mongo(MongoTemplate mongo) {
        return new OutboxBacklog("mongo", () -> {
            long messages = 0;
            Instant oldest = null;
            for (String collection : mongo.getCollectionNames()) {
                if (collection.startsWith("system.")) {
                    continue;
                }
                Query pending = Query.query(Criteria.where(MongoOutbox.FIELD + ".0").exists(true));
                pending.fields().include(MongoOutbox.FIELD);
                for (Document document : mongo.find(pending, Document.class, collection)) {
                    List<Document> waiting = document.getList(MongoOutbox.FIELD, Document.class, List.of());
                    messages += waiting.size();
                    for (Document message : waiting) {
                        Date at = message.getDate("occurredAt");
                        if (at != null && (oldest == null || at.toInstant().isBefore(oldest))) {
                            oldest = at.toInstant();
                        }
                    }
                }
            }
            return new Snapshot(messages, oldest);
        }, Clock.systemUTC());
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
