package io.tienda.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param resubmitInterval   how often incomplete publications are looked for
 * @param resubmitOlderThan  how old an incomplete publication must be before it is resubmitted,
 *                           so that a send still in flight is not duplicated needlessly
 * @param retention          how long completed publications are kept for inspection
 * @param relayThreads       threads that send committed messages to Kafka; each holds a database
 *                           connection while it marks its publication complete. One (the default)
 *                           sends in the order the transactions committed, so two changes of one
 *                           aggregate reach its partition in order; more threads send faster but may
 *                           swap messages of transactions that committed at nearly the same time
 * @param relayQueue         committed messages waiting for a relay thread; beyond it they wait for
 *                           resubmission instead
 */
@ConfigurationProperties("tienda.outbox")
public record OutboxProperties(Duration resubmitInterval, Duration resubmitOlderThan, Duration retention,
        Integer relayThreads, Integer relayQueue) {

    public OutboxProperties {
        resubmitInterval = resubmitInterval == null ? Duration.ofSeconds(15) : resubmitInterval;
        resubmitOlderThan = resubmitOlderThan == null ? Duration.ofSeconds(10) : resubmitOlderThan;
        retention = retention == null ? Duration.ofDays(7) : retention;
        relayThreads = relayThreads == null ? 1 : relayThreads;
        relayQueue = relayQueue == null ? 10_000 : relayQueue;
    }
}
