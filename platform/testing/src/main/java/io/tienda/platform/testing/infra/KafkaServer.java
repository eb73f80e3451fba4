package io.tienda.platform.testing.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** A single Kafka broker (KRaft, no ZooKeeper). */
public interface KafkaServer extends Server {

    /** {@code host:port}, the value of {@code spring.kafka.bootstrap-servers}. */
    String bootstrapServers();

    int port();

    /** Creates topics with 3 partitions and replication factor 1, skipping those that exist. */
    default void createTopics(String... topics) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                }
                catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic, ex.getCause());
                    }
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", ex);
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("Timed out creating topics " + Arrays.toString(topics), ex);
        }
    }

}
