package io.tienda.user.support;

import io.tienda.platform.events.ContractValidator;
import io.tienda.platform.events.Envelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads {@code user.events} from the beginning as an outside consumer would, to see what the
 * service really published, and checks each message found against its contract.
 */
public final class UserEvents {

    public static final String TOPIC = "user.events";
    private static final ContractValidator CONTRACTS = new ContractValidator();

    private final String bootstrapServers;

    public UserEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A message as it arrived: key, envelope headers and body. */
    public record Published(String key, String type, String eventId, String aggregateId, String body) {

        public JsonNode json() {
            return Api.JSON.readTree(body);
        }

        public String text(String field) {
            return json().get(field).asString();
        }
    }

    /**
     * The first message of {@code type} for {@code userId} (the key), within 30 seconds; fails when none
     * arrives or when it breaks its JSON Schema.
     */
    public Published await(String type, String userId) {
        Predicate<Published> match = p -> type.equals(p.type()) && userId.equals(p.key());
        Published found = read(match, Duration.ofSeconds(30)).stream().filter(match).findFirst().orElse(null);
        assertThat(found).as("a %s message for %s on %s", type, userId, TOPIC).isNotNull();
        CONTRACTS.requireValid(found.type(), found.body());
        assertThat(found.aggregateId()).isEqualTo(userId);
        assertThat(found.eventId()).isNotBlank();
        return found;
    }

    /** Every message for {@code userId} of {@code type} seen within a short window. */
    public List<Published> all(String type, String userId) {
        return read(p -> false, Duration.ofSeconds(3)).stream()
                .filter(p -> type.equals(p.type()) && userId.equals(p.key())).toList();
    }

    /** Everything on the topic within a short window. */
    public List<Published> everything() {
        return read(p -> false, Duration.ofSeconds(3));
    }

    private List<Published> read(Predicate<Published> stopAt, Duration window) {
        List<Published> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            Instant deadline = Instant.now().plus(window);
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(2)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Published published = new Published(record.key(), header(record, Envelope.TYPE),
                            header(record, Envelope.EVENT_ID), header(record, Envelope.AGGREGATE_ID), record.value());
                    seen.add(published);
                    if (stopAt.test(published)) {
                        return seen;
                    }
                }
            }
        }
        return seen;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
