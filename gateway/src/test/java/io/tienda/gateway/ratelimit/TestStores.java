package io.tienda.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Bucket stores over connection factories of their own, as the gateway makes them, closed together after a test. */
class TestStores implements AutoCloseable {

    private final List<LettuceConnectionFactory> factories = new ArrayList<>();
    private final List<BucketStore> stores = new ArrayList<>();

    /** A store on the Redis at {@code host:port}, whose callers wait {@code timeout} for an answer. */
    BucketStore store(String host, int port, Duration timeout) {
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofSeconds(2))
                .clientOptions(ClientOptions.builder()
                        .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                        .build())
                .build();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port), client);
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return add(new BucketStore(() -> (RedisClient) factory.getNativeClient(), timeout));
    }

    /** Closes {@code store} with the others. */
    BucketStore add(BucketStore store) {
        stores.add(store);
        return store;
    }

    /** The connection factory of the first store made. */
    LettuceConnectionFactory first() {
        return factories.get(0);
    }

    @Override
    public void close() {
        stores.forEach(BucketStore::close);
        factories.forEach(LettuceConnectionFactory::destroy);
    }
}
