package io.tienda.platform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tienda.platform.testing.infra.KafkaServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class KafkaTest {

    @Test
    void producesAndConsumesOnAnAutoCreatedTopic() throws Exception {
        String topic = "kafka-test-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(Infra.kafka())) {
            producer.send(new ProducerRecord<>(topic, "order-1", "order.confirmed")).get(30, TimeUnit.SECONDS);
        }
        assertThat(consumeUntil(topic, "order.confirmed")).containsExactly("order.confirmed");
    }

    @Test
    void comesBackOnTheSamePortWithItsDataAfterAStop() throws Exception {
        KafkaServer kafka = Infra.kafka();
        String bootstrapServers = kafka.bootstrapServers();
        String topic = "kafka-restart-" + UUID.randomUUID();
        kafka.createTopics(topic);

        try (KafkaProducer<String, String> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);

            kafka.whileStopped(() -> {
                assertThat(kafka.isRunning()).isFalse();
                assertThat(accepts(kafka.port())).isFalse();
                // what an outbox sees while the broker is down: no acknowledgement (the client may
                // still hold the record and deliver it later, so it is allowed to show up below)
                Future<RecordMetadata> send = producer.send(new ProducerRecord<>(topic, "k", "unacknowledged"));
                assertThatThrownBy(() -> send.get(3, TimeUnit.SECONDS)).isInstanceOfAny(TimeoutException.class,
                        ExecutionException.class);
            });

            assertThat(kafka.isRunning()).isTrue();
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
            // the same producer reconnects once the broker is back
            producer.send(new ProducerRecord<>(topic, "k", "after")).get(60, TimeUnit.SECONDS);
        }
        List<String> values = consumeUntil(topic, "after");
        assertThat(values.get(0)).isEqualTo("before");
        assertThat(values).endsWith("after").isSubsetOf("before", "unacknowledged", "after");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    static KafkaProducer<String, String> producer(KafkaServer kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000), new StringSerializer(), new StringSerializer());
    }

    static List<String> consumeUntil(String topic, String last) {
        List<String> values = new CopyOnWriteArrayList<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.contains(last);
            });
        }
        return values;
    }

}
