package io.tienda.e2e;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reservations per second on one hot SKU, printed, never asserted against a time:
 * {@code ./mvnw -pl e2e verify -Pbench -Dtienda.e2e.base-url=http://localhost:8080}. It receives
 * {@code bench.units} units of a fresh SKU through the staff API, then sends {@code bench.commands}
 * {@code inventory.reserve} commands of one unit each, under unique order ids, to
 * {@code inventory.commands} the way order-service does, and times each until its reply arrives on
 * {@code order.saga.replies}. Exactly {@code bench.units} must be reserved: never more (oversell),
 * never fewer (a lost command). The reservations are released afterwards.
 */
@ExtendWith(Fleet.class)
class ReservationBenchmark {

    private static final int UNITS = Integer.getInteger("bench.units", 100);
    private static final int COMMANDS = Integer.getInteger("bench.commands", 1000);
    private static final String KAFKA = System.getProperty("tienda.e2e.kafka", "localhost:9092");
    private static final Duration REPLY_TIMEOUT = Duration.ofMinutes(3);

    private static final String COMMANDS_TOPIC = "inventory.commands";
    private static final String REPLIES_TOPIC = "order.saga.replies";
    private static final String RESERVED = "inventory.stock_reserved";
    private static final String REJECTED = "inventory.stock_rejected";

    @Test
    void reservationsPerSecondOnOneHotSku() throws Exception {
        String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        receive(sku, UNITS);

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        for (int i = 0; i < COMMANDS; i++) {
            sentAt.put(UUID.randomUUID().toString(), 0L);
        }
        Replies replies = new Replies(sentAt);
        Thread reader = new Thread(replies, "bench-replies");
        reader.start();
        assertThat(replies.ready.await(30, TimeUnit.SECONDS)).as("reply consumer positioned").isTrue();

        long start;
        try (KafkaProducer<String, String> producer = producer()) {
            start = System.nanoTime();
            for (String order : sentAt.keySet()) {
                sentAt.put(order, System.nanoTime());
                producer.send(command(order, "inventory.reserve", """
                        {"orderId":"%s","lines":[{"sku":"%s","quantity":1}],"expiresAt":"%s"}"""
                        .formatted(order, sku, Instant.now().plus(Duration.ofMinutes(10)))));
            }
            producer.flush();
            boolean all = replies.done.await(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            replies.stop = true;
            reader.join(10_000);
            assertThat(all).as("a reply to each of %d commands within %s; got %d", COMMANDS, REPLY_TIMEOUT,
                    replies.latencies.size()).isTrue();

            for (String order : replies.reserved) {
                producer.send(command(order, "inventory.release", """
                        {"orderId":"%s","reason":"benchmark-over"}""".formatted(order)));
            }
            producer.flush();
        }

        var reserve = new Load.Result("reserve", List.copyOf(replies.latencies),
                Duration.ofNanos(replies.lastReply.get() - start));
        System.out.printf("%n== reservation benchmark through Kafka "
                + "(%d inventory.reserve commands, %d units of %s) ==%n", COMMANDS, UNITS, sku);
        System.out.printf("%s: %d reserved, %d rejected%n", reserve, replies.reserved.size(), replies.rejected.get());
        assertThat(replies.reserved).as("exactly the units there are").hasSize(UNITS);
        assertThat(replies.rejected.get()).isEqualTo(COMMANDS - UNITS);
    }

    private static void receive(String sku, int units) {
        String token = Accounts.session(Accounts.Account.ADMIN).accessToken();
        Api.Reply reply = Api.gateway().post("/api/v1/inventory/receipts",
                        "{\"sku\":\"" + sku + "\",\"warehouse\":\"MAD-1\",\"quantity\":" + units
                                + ",\"reference\":\"benchmark\"}")
                .bearer(token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Forwarded-For", Accounts.randomClientAddress())
                .send();
        if (reply.status() != 201) {
            throw new IllegalStateException("the receipt answered " + reply.status() + ": " + reply.body());
        }
    }

    /** A command with the envelope every Tienda message carries in its headers (platform/events Envelope). */
    private static ProducerRecord<String, String> command(String orderId, String type, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(COMMANDS_TOPIC, orderId, body);
        header(record, "eventId", UUID.randomUUID().toString());
        header(record, "type", type);
        header(record, "occurredAt", Instant.now().toString());
        header(record, "aggregateId", orderId);
        header(record, "schemaVersion", "1");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    /** Reads the saga's replies from the end of the topic, as order-service would, timing ours. */
    private static final class Replies implements Runnable {

        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final Set<String> reserved = ConcurrentHashMap.newKeySet();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong lastReply = new AtomicLong();
        volatile boolean stop;

        private final Map<String, Long> sentAt;
        private final Set<String> answered = ConcurrentHashMap.newKeySet();

        Replies(Map<String, Long> sentAt) {
            this.sentAt = sentAt;
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
                List<TopicPartition> partitions = List.of();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (partitions.isEmpty() && System.nanoTime() < deadline) {
                    partitions = consumer.partitionsFor(REPLIES_TOPIC, Duration.ofSeconds(2)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                ready.countDown();
                while (!stop && answered.size() < sentAt.size()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        take(record, System.nanoTime());
                    }
                }
                if (answered.size() >= sentAt.size()) {
                    done.countDown();
                }
            }
        }

        private void take(ConsumerRecord<String, String> record, long now) {
            Long sent = sentAt.get(record.key());
            String type = header(record, "type");
            if (sent == null || !(RESERVED.equals(type) || REJECTED.equals(type)) || !answered.add(record.key())) {
                return;
            }
            latencies.add(now - sent);
            lastReply.set(now);
            if (RESERVED.equals(type)) {
                reserved.add(record.key());
            } else {
                rejected.incrementAndGet();
            }
        }

        private static String header(ConsumerRecord<String, String> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
