package io.tienda.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    /**
     * While Redis is unreachable Lettuce would queue every command until it reconnects: one per
     * request, unbounded, long after the request passed unlimited. Refusing them instead makes
     * the fail-open path immediate and keeps memory flat through an outage.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                // A command that Redis never answers is cancelled after spring.data.redis.timeout, so a
                // hung Redis cannot pile up one pending command per request either.
                .timeoutOptions(TimeoutOptions.enabled());
    }
}
