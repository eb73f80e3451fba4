package io.tienda.gateway.ratelimit;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.infra.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.netty.resources.LoopResources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Lettuce on the gateway's own event loops, and a connection per loop, against a real redis-server. */
class SharedEventLoopsTest {

    private final LoopResources loops = LoopResources.create("test-loop", 2, true);
    private final SharedEventLoops shared = new SharedEventLoops(() -> loops);
    private final ClientResources resources = DefaultClientResources.builder().eventLoopGroupProvider(shared).build();
    private LettuceConnectionFactory factory;
    private BucketStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (factory != null) {
            factory.destroy();
        }
        resources.shutdown(0, 1, TimeUnit.SECONDS);
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(1)).block();
    }

    @Test
    void aCallFromAnEventLoopIsAnsweredOnThatLoopOverAConnectionOfItsOwn() throws Exception {
        RedisServer server = Infra.redis();
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()),
                LettuceClientConfiguration.builder().clientResources(resources).commandTimeout(Duration.ofSeconds(2)).build());
        factory.afterPropertiesSet();
        factory.start();
        store = new BucketStore(factory::getNativeClient, Duration.ofSeconds(5), shared,
                () -> RedisClientConfiguration.standaloneTarget(factory));
        store.connect().get(5, TimeUnit.SECONDS);
        String key = "tienda:rate-limit:test:" + UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();
        // Every loop, not just one: the shared connection is served by one of them too.
        for (EventExecutor executor : loops.onClient(true)) {
            EventLoop loop = (EventLoop) executor;
            Thread loopThread = loop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            // The first calls go over the shared connection while the loop's own opens in the background.
            await("the loop's own connection opens").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        calls.incrementAndGet();
                        return loopThread.equals(answeredOn(loop, key));
                    });
            for (int i = 0; i < 20; i++) {
                assertThat(answeredOn(loop, key)).isEqualTo(loopThread);
            }
            calls.addAndGet(20);
        }
        // A caller that is no loop of the gateway's is answered over the shared connection, from the same bucket.
        List<Long> reply = store.take(key, "1000", "0.000001").get(5, TimeUnit.SECONDS);
        assertThat(reply.get(0)).as("allowed").isEqualTo(1L);
        assertThat(reply.get(1)).as("tokens left after every call took one").isEqualTo(1000L - calls.get() - 1);

        List<String> lettuceThreads = new ArrayList<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> {
            if (thread.getName().contains("EventLoop") && thread.getName().startsWith("lettuce")) {
                lettuceThreads.add(thread.getName());
            }
        });
        assertThat(lettuceThreads).as("Lettuce starts no event loops of its own").isEmpty();
    }

    /**
     * The thread Redis' answer arrived on, or {@code null} when it is already in by the time the call
     * returns on the loop: then another thread completed it (the shared connection served by the other
     * loop, on a fast loopback), and a callback attached now would run on the asking loop and hide that.
     */
    private Thread answeredOn(EventLoop loop, String key) throws Exception {
        CompletableFuture<Thread> answered = loop.submit(() -> {
            CompletableFuture<List<Long>> reply = store.take(key, "1000", "0.000001");
            return reply.isDone() ? CompletableFuture.<Thread>completedFuture(null)
                    : reply.thenApply(ignored -> Thread.currentThread());
        }).get(5, TimeUnit.SECONDS);
        return answered.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theLoopsConnectionsGoWhereSpringDataRedisConnects() {
        RedisStandaloneConfiguration standalone = new RedisStandaloneConfiguration("redis.internal", 6380);
        standalone.setDatabase(3);
        standalone.setUsername("gateway");
        standalone.setPassword(RedisPassword.of("s3cret"));
        LettuceConnectionFactory configured = new LettuceConnectionFactory(standalone, LettuceClientConfiguration.builder()
                .useSsl().and().clientName("tienda-gateway").commandTimeout(Duration.ofMillis(500)).build());

        RedisURI uri = RedisClientConfiguration.standaloneTarget(configured);

        assertThat(uri.getHost()).isEqualTo("redis.internal");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(uri.getDatabase()).isEqualTo(3);
        assertThat(uri.getUsername()).isEqualTo("gateway");
        assertThat(new String(uri.getPassword())).isEqualTo("s3cret");
        assertThat(uri.isSsl()).isTrue();
        assertThat(uri.getVerifyMode()).isEqualTo(SslVerifyMode.FULL);
        assertThat(uri.getClientName()).isEqualTo("tienda-gateway");
        assertThat(uri.getTimeout()).isEqualTo(Duration.ofMillis(500));
    }
}
