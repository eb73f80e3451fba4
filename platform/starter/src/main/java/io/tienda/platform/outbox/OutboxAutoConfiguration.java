package io.tienda.platform.outbox;

import io.tienda.platform.messaging.KafkaMessageSender;
import io.tienda.platform.messaging.MessageFactory;
import io.tienda.platform.messaging.MessagingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Clock;

/** The transactional outbox: JDBC through Spring Modulith, MongoDB through the document itself. */
@AutoConfiguration(after = MessagingAutoConfiguration.class,
        afterName = {"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
                "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class OutboxAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(IncompleteEventPublications.class)
    @ConditionalOnBean(KafkaMessageSender.class)
    static class Jdbc {

        @Bean
        @ConditionalOnMissingBean
        Outbox outbox(ApplicationEventPublisher events, MessageFactory messages) {
            return new Outbox(events, messages);
        }

        @Bean
        @ConditionalOnMissingBean
        OutboxRelay outboxRelay(KafkaMessageSender sender) {
            return new OutboxRelay(sender);
        }

        /** One thread by default: messages leave in commit order, and the relay holds one connection at most. */
        @Bean(OutboxRelay.EXECUTOR)
        ThreadPoolTaskExecutor tiendaOutboxRelayExecutor(OutboxProperties properties) {
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setThreadNamePrefix("outbox-relay-");
            executor.setCorePoolSize(properties.relayThreads());
            executor.setMaxPoolSize(properties.relayThreads());
            executor.setQueueCapacity(properties.relayQueue());
            executor.setWaitForTasksToCompleteOnShutdown(true);
            executor.setAwaitTerminationSeconds(10);
            return executor;
        }

        @Bean
        @ConditionalOnBean({IncompleteEventPublications.class, CompletedEventPublications.class})
        OutboxMaintenance outboxMaintenance(IncompleteEventPublications incomplete,
                CompletedEventPublications completed, OutboxProperties properties) {
            return new OutboxMaintenance(incomplete, completed, properties);
        }
    }

    /** The backlog gauges of the JDBC outbox (Spring Modulith's registry in the service's PostgreSQL). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({IncompleteEventPublications.class, JdbcTemplate.class, MeterRegistry.class})
    @ConditionalOnBean({JdbcTemplate.class, KafkaMessageSender.class})
    static class JdbcBacklog {

        @Bean
        OutboxBacklog outboxBacklog(JdbcTemplate jdbc) {
            return new OutboxBacklog("jdbc", new JdbcOutboxReader(jdbc), Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    @ConditionalOnBean({MongoTemplate.class, KafkaMessageSender.class})
    static class Mongo {

        @Bean
        @ConditionalOnMissingBean
        MongoOutbox mongoOutbox(MongoTemplate mongo, MessageFactory messages, KafkaMessageSender sender) {
            return new MongoOutbox(mongo, messages, sender);
        }

        @Bean
        OutboxBacklog mongoOutboxBacklog(MongoOutbox outbox) {
            return new OutboxBacklog("mongo", new MongoOutboxReader(outbox), Clock.systemUTC());
        }
    }
}
