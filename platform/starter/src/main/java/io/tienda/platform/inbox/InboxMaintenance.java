package io.tienda.platform.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Forgets inbox rows older than the retention: each consumed message leaves one row per consumer,
 * and without this {@code tienda_inbox} grows with every event the service ever received. A row is
 * only needed while its message can still be delivered again (see {@link InboxProperties#retention()}).
 * Idempotent, so every replica may run it.
 */
public class InboxMaintenance {

    private static final Logger log = LoggerFactory.getLogger(InboxMaintenance.class);

    private final JdbcTemplate jdbc;
    private final InboxProperties properties;
    private final Clock clock;

    public InboxMaintenance(JdbcTemplate jdbc, InboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeExpired() {
        try {
            int deleted = purgeOlderThan(clock.instant().minus(properties.retention()));
            if (deleted > 0) {
                log.info("inbox forgot {} applied message(s) older than {}", deleted, properties.retention());
            }
        } catch (RuntimeException e) {
            // The store may be briefly unreachable; the next run tries again.
            log.warn("inbox purge failed: {}", e.toString());
        }
    }

    /** Deletes the rows received before {@code cutoff}, a batch per statement; how many it deleted. */
    public int purgeOlderThan(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        int total = 0;
        int deleted;
        do {
            // Autocommit: each batch is its own short transaction on the received_at index.
            deleted = jdbc.update("""
                    delete from tienda_inbox where (consumer, event_id) in
                        (select consumer, event_id from tienda_inbox where received_at < ? limit ?)
                    """, before, properties.purgeBatch());
            total += deleted;
        } while (deleted == properties.purgeBatch());
        return total;
    }
}
