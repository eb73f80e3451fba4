package io.tienda.user.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * Spring Kafka logs the key and payload of a message it failed to send. user-service's messages
 * carry single-use verification and reset tokens, which must never reach a log: this listener
 * replaces Boot's and logs the failure without the contents.
 */
@Configuration(proxyBeanMethods = false)
class KafkaLogging {

    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        return listener;
    }
}
