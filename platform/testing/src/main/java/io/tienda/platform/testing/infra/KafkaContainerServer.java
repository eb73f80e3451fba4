package io.tienda.platform.testing.infra;

import org.testcontainers.kafka.KafkaContainer;

final class KafkaContainerServer extends ContainerServer<KafkaContainer> implements KafkaServer {

    KafkaContainerServer() {
        super("Kafka", new KafkaContainer(image("kafka", "apache/kafka:4.1.1")).withEnv("KAFKA_NUM_PARTITIONS", "3")
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0"), 9092);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public int port() {
        return mappedPort(9092);
    }

}
