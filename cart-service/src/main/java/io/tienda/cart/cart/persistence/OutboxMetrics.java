package io.tienda.cart.cart.persistence;

import io.tienda.platform.outbox.OutboxBacklog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cart outbox on the fleet's outbox gauges, as {@code store=redis}. */
@Configuration(proxyBeanMethods = false)
class OutboxMetrics {

    @Bean
    OutboxBacklog cartOutboxBacklog(RedisPendingEvents pending) {
        return OutboxBacklog.of("redis", pending::backlog);
    }
}
