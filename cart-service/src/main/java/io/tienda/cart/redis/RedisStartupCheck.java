package io.tienda.cart.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

import java.util.Properties;

/**
 * Pings Redis before the service takes traffic: a cart service without its store cannot answer
 * anything, so a wrong host or password should stop the start rather than fail every request.
 */
@Component
class RedisStartupCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RedisStartupCheck.class);

    private final RedisConnectionFactory connections;

    RedisStartupCheck(RedisConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public void run(ApplicationArguments args) {
        try (RedisConnection connection = connections.getConnection()) {
            String pong = connection.ping();
            Properties server = connection.serverCommands().info("server");
            log.info("Redis answers {} (version {})", pong, server == null ? "?" : server.getProperty("redis_version"));
        }
    }
}
