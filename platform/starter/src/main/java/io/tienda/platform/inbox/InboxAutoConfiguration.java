package io.tienda.platform.inbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** The idempotent-consumer helpers, for whichever store the service has. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
public class InboxAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    @ConditionalOnBean({JdbcTemplate.class, PlatformTransactionManager.class})
    @EnableConfigurationProperties(InboxProperties.class)
    @EnableScheduling
    static class Jdbc {

        @Bean
        @ConditionalOnMissingBean
        JdbcInbox jdbcInbox(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            return new JdbcInbox(jdbc, new TransactionTemplate(transactions));
        }

        @Bean
        @ConditionalOnMissingBean
        InboxMaintenance inboxMaintenance(JdbcTemplate jdbc, InboxProperties properties) {
            return new InboxMaintenance(jdbc, properties, Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    @ConditionalOnBean(MongoTemplate.class)
    static class Mongo {

        @Bean
        @ConditionalOnMissingBean
        MongoIdempotency mongoIdempotency(MongoTemplate mongo) {
            return new MongoIdempotency(mongo);
        }
    }
}
