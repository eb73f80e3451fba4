package io.tienda.platform.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param retention  how long {@code tienda_inbox} remembers that a consumer applied a message. A
 *                   message forgotten and then delivered again would be applied again, so this must
 *                   stay longer than a message can remain on a topic: the topic's retention
 *                   ({@code retention.ms}, Kafka's default 7 days) plus the time before its segment
 *                   closes ({@code segment.ms}, also 7 days by default). The default, 30 days, leaves
 *                   room for a consumer group reset to the earliest offset at any time. At least one
 *                   day: less can only be a mistake.
 * @param purgeBatch rows deleted per statement, so that a large backlog is removed in short
 *                   transactions that never hold the table for long
 */
@ConfigurationProperties("tienda.inbox")
public record InboxProperties(Duration retention, Integer purgeBatch) {

    static final Duration SHORTEST_RETENTION = Duration.ofDays(1);

    public InboxProperties {
        retention = retention == null ? Duration.ofDays(30) : retention;
        purgeBatch = purgeBatch == null ? 5_000 : purgeBatch;
        if (retention.compareTo(SHORTEST_RETENTION) < 0) {
            throw new IllegalArgumentException("tienda.inbox.retention must be at least " + SHORTEST_RETENTION
                    + " and longer than any topic keeps its messages, was " + retention);
        }
        if (purgeBatch < 1) {
            throw new IllegalArgumentException("tienda.inbox.purge-batch must be at least 1, was " + purgeBatch);
        }
    }
}
