package io.tienda.platform.messaging;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.tienda.platform.events.ContractValidator;
import io.tienda.platform.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka as every service uses it: the envelope, an acknowledged send, and a consumer error
 * handler that retries with backoff and then dead-letters to {@code <topic>.DLT}, so one bad
 * message never blocks its partition. A failure that says a dependency is down ({@link Outages})
 * is retried until it goes through instead. Boot's listener container factory picks the handler up.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(KafkaProperties.class)
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    MessageFactory messageFactory(ObjectProvider<Tracer> tracer, Clock clock) {
        return new MessageFactory(tracer.getIfAvailable(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaMessageSender kafkaMessageSender(KafkaTemplate<String, String> template, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator, KafkaProperties properties) {
        return new KafkaMessageSender(template, tracer.getIfAvailable(), propagator.getIfAvailable(),
                properties.sendTimeout());
    }

    /** Before Boot's, which logs the contents of every message it failed to send. */
    @Bean
    @ConditionalOnMissingBean(ProducerListener.class)
    ProducerListener<Object, Object> kafkaProducerListener() {
        return new ProducerFailureLog();
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template, KafkaProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        KafkaProperties.Retry retry = properties.retry();
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.attempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        // A dependency that is down is waited for, however long: the message is good, and a dead
        // letter would lose it. The consumer stays in its group meanwhile (each wait is one back-off).
        ExponentialBackOff untilBack = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        untilBack.setMaxInterval(retry.outageMaxInterval().toMillis());
        handler.setBackOffFunction((record, failure) -> Outages.isOutage(failure) ? untilBack : null);
        // Spring Kafka says only "Record in retry and not yet recovered": say which message failed and why.
        handler.setRetryListeners((record, failure, delivery) -> log.warn("{}-{}@{}: delivery {} failed{}: {}",
                record.topic(), record.partition(), record.offset(), delivery,
                Outages.isOutage(failure) ? " (a dependency is down; retried until it is back)" : "",
                Outages.rootMessage(failure)));
        handler.addNotRetryableExceptions(PoisonMessageException.class, DeserializationException.class,
                ContractValidator.ContractViolation.class);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics tiendaTopics(KafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : properties.topics()) {
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicas()));
            topics.add(new NewTopic(Topics.deadLetter(topic), properties.partitions(), properties.replicas()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
