package io.tienda.platform.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param topics         topics this service writes, created (with their dead-letter topics) at start
 * @param partitions     partitions of each created topic
 * @param replicas       replication factor of each created topic (1 locally, 3 in production)
 * @param sendTimeout    how long a send waits for the broker's acknowledgement
 * @param retry          redelivery of a failing message before it is dead-lettered; a failure that says a
 *                       dependency is down is redelivered until it goes through, at most
 *                       {@code outageMaxInterval} apart
 */
@ConfigurationProperties("tienda.kafka")
public record KafkaProperties(List<String> topics, Integer partitions, Short replicas, Duration sendTimeout,
        Retry retry) {

    public KafkaProperties {
        topics = topics == null ? List.of() : List.copyOf(topics);
        partitions = partitions == null ? 3 : partitions;
        replicas = replicas == null ? 1 : replicas;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        retry = retry == null ? new Retry(null, null, null, null) : retry;
    }

    public record Retry(Integer attempts, Duration initialInterval, Duration maxInterval, Duration outageMaxInterval) {

        public Retry {
            attempts = attempts == null ? 3 : attempts;
            initialInterval = initialInterval == null ? Duration.ofMillis(200) : initialInterval;
            maxInterval = maxInterval == null ? Duration.ofSeconds(2) : maxInterval;
            outageMaxInterval = outageMaxInterval == null ? Duration.ofSeconds(10) : outageMaxInterval;
        }
    }
}
