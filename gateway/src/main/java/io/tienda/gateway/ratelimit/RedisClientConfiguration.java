package io.tienda.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.util.StringUtils;
import reactor.netty.http.HttpResources;

import java.time.Duration;

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

    /** The web server's event loops (Reactor Netty's, global unless configured otherwise). */
    @Bean
    SharedEventLoops sharedEventLoops(ObjectProvider<ReactorResourceFactory> resources) {
        return new SharedEventLoops(() -> {
            ReactorResourceFactory factory = resources.getIfAvailable();
            return factory != null && factory.getLoopResources() != null ? factory.getLoopResources() : HttpResources.get();
        });
    }

    /** Lettuce's connections are served by the gateway's own event loops (see SharedEventLoops). */
    @Bean
    ClientResourcesBuilderCustomizer lettuceOnTheGatewaysLoops(SharedEventLoops loops) {
        return resources -> resources.eventLoopGroupProvider(loops);
    }

    /**
     * The standalone Redis of {@code factory} as Spring Data Redis addresses it (host, port,
     * database, credentials, client name, TLS, timeout), for the connections {@link BucketStore}
     * opens per event loop; {@code null} for a Sentinel-managed or clustered Redis or a socket,
     * which keep the store's one shared connection.
     */
    static RedisURI standaloneTarget(LettuceConnectionFactory factory) {
        if (factory.isRedisSentinelAware() || factory.isClusterAware() || factory.getSocketConfiguration() != null) {
            return null;
        }
        RedisStandaloneConfiguration standalone = factory.getStandaloneConfiguration();
        LettuceClientConfiguration client = factory.getClientConfiguration();
        RedisURI.Builder uri = RedisURI.Builder.redis(standalone.getHostName(), standalone.getPort())
                .withDatabase(standalone.getDatabase())
                .withSsl(client.isUseSsl())
                .withVerifyPeer(client.getVerifyMode())
                .withStartTls(client.isStartTls())
                .withTimeout(client.getCommandTimeout());
        char[] password = standalone.getPassword().toOptional().orElse(null);
        if (password != null && password.length > 0) {
            uri = StringUtils.hasText(standalone.getUsername())
                    ? uri.withAuthentication(standalone.getUsername(), new String(password))
                    : uri.withPassword(password);
        }
        client.getClientName().ifPresent(uri::withClientName);
        return uri.build();
    }
}
