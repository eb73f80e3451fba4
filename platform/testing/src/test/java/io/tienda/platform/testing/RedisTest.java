package io.tienda.platform.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tienda.platform.testing.infra.RedisServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisTest {

    @Test
    void answersPingSetAndGet() {
        RedisServer redis = Infra.redis();
        RedisClient client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> commands = connection.sync();
            assertThat(commands.ping()).isEqualTo("PONG");
            commands.set("redis-test:cart:42", "3 items");
            assertThat(commands.get("redis-test:cart:42")).isEqualTo("3 items");
            assertThat(commands.info("server")).contains("redis_version:6.2");
        }
        finally {
            client.shutdown();
        }
    }

}
