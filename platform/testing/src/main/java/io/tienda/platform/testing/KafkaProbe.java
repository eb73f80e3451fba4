package io.tienda.platform.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a topic from the beginning, as an outside consumer would, to see what really reached Kafka
 * (no consumer group, nothing committed, only committed transactions).
 */
public final class KafkaProbe {

    private final String bootstrapServers;

    public KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record of the topic until one matches, or empty after the timeout. */
    public Optional<ConsumerRecord<String, String>> find(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        return read(topic, match, timeout).stream().filter(match).findFirst();
    }

    /** All records of the topic read within the window, stopping early at the first match. */
    public List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> stopAt,
            Duration window) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            Instant deadline = Instant.now().plus(window);
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record);
                    if (stopAt.test(record)) {
                        return seen;
                    }
                }
            }
        }
        return seen;
    }

    /** A header's value as UTF-8 text, or null when the record has none. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
