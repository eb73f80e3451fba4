package io.tienda.user.support;

import io.tienda.platform.events.ContractValidator;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.testing.KafkaProbe;
import io.tienda.platform.testing.http.TestApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads {@code user.events} from the beginning as an outside consumer would, to see what the
 * service really published, and checks each message found against its contract.
 */
public final class UserEvents {

    public static final String TOPIC = "user.events";
    private static final ContractValidator CONTRACTS = new ContractValidator();

    private final KafkaProbe probe;

    public UserEvents(String bootstrapServers) {
        this.probe = new KafkaProbe(bootstrapServers);
    }

    /** A message as it arrived: key, envelope headers and body. */
    public record Published(String key, String type, String eventId, String aggregateId, String body) {

        public JsonNode json() {
            return TestApi.JSON.readTree(body);
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
        return probe.read(TOPIC, record -> stopAt.test(published(record)), window).stream()
                .map(UserEvents::published).toList();
    }

    private static Published published(ConsumerRecord<String, String> record) {
        return new Published(record.key(), KafkaProbe.header(record, Envelope.TYPE),
                KafkaProbe.header(record, Envelope.EVENT_ID), KafkaProbe.header(record, Envelope.AGGREGATE_ID),
                record.value());
    }
}
