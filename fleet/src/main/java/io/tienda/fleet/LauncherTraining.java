package io.tienda.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.tienda.platform.testing.infra.EmbeddedKafkaServer;
import io.tienda.platform.testing.infra.EmbeddedMongoServer;
import io.tienda.platform.testing.infra.EmbeddedSmtpServer;
import io.tienda.platform.testing.infra.MailboxHttpServer;
import io.tienda.platform.testing.infra.Ports;

/**
 * {@code aot-training}: the run that trains the launcher's own AOT cache. It does what the launcher's
 * JVM does while the fleet starts: boots Kafka (KRaft), MongoDB on its H2 file backend, GreenMail, the
 * mail reader and the trace collector, has Kafka serve a producer and a consumer group as the services'
 * clients do, and answers HTTP, then stops them all. Everything runs on free ports in a temporary
 * directory, so it never touches the fleet that is running beside it.
 */
final class LauncherTraining {

    private static final Duration ROUND_TRIP = Duration.ofSeconds(60);
    /** Only its plain HTTP check is used: there is no discovery in the training. */
    private static final Probe HTTP = new Probe(0);

    private LauncherTraining() {
    }

    static int run(PrintStream out) {
        Instant begin = Instant.now();
        Path work;
        try {
            work = Files.createTempDirectory("tienda-launcher-training-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.ephemeral();
                EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(work.resolve("tienda.mv"), Ports.free());
                EmbeddedSmtpServer smtp = EmbeddedSmtpServer.ephemeral()) {
            kafka.start();
            mongo.start();
            smtp.start();
            try (MailboxHttpServer mailbox = MailboxHttpServer.start(smtp, 0);
                    TraceCollector traces = TraceCollector.start(0)) {
                roundTrip(kafka.bootstrapServers());
                get(mailbox.url());
                get(traces.endpoint().replace("/v1/traces", "/traces"));
            }
            out.println("Launcher trained in " + Table.duration(Duration.between(begin, Instant.now())));
            return 0;
        }
        finally {
            try {
                AotCache.deleteTree(work);
            }
            catch (IOException ex) {
                out.println("Cannot delete " + work + ": " + ex.getMessage());
            }
        }
    }

    /** One record produced and read back by a consumer group, the way the services use Kafka. */
    private static void roundTrip(String bootstrapServers) {
        String topic = "launcher.training";
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, "key", "value")).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Kafka did not take the training record", ex);
        }
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "launcher-training", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(ROUND_TRIP);
            while (Instant.now().isBefore(deadline)) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    consumer.commitSync();
                    return;
                }
            }
        }
        throw new IllegalStateException("the training record did not come back within " + ROUND_TRIP.toSeconds() + " s");
    }

    private static void get(String url) {
        if (!HTTP.answers200(url)) {
            throw new IllegalStateException(url + " did not answer 200");
        }
    }

}
