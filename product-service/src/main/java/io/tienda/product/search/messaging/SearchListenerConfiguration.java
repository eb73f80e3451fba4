package io.tienda.product.search.messaging;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer of index updates: configured like every listener of the service, except for what
 * happens when a batch keeps failing (MongoDB unreachable). It is retried with backoff for two
 * minutes and then skipped with an error in the log, not dead-lettered: the index is a view every
 * replica keeps for itself, and N replicas would dead-letter N copies. A skipped change heals with
 * the product's next change or the next start. Its batches are not timed (see below).
 */
@Configuration(proxyBeanMethods = false)
class SearchListenerConfiguration {

    static final String FACTORY = "searchListenerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> searchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(120_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        factory.setConcurrency(1);
        // A batch listener is timed by the container's own timer, whose tags (name, result, exception) are not
        // the observation's that time the service's other listeners; Prometheus keeps one set of tag keys per
        // meter name and drops every series registered with the other, so whichever listener ran first would
        // hide the rest. The index's progress shows in its consumer lag and readiness instead.
        factory.getContainerProperties().setMicrometerEnabled(false);
        return factory;
    }
}
