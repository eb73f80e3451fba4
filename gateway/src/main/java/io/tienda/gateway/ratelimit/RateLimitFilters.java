package io.tienda.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import io.tienda.gateway.clientip.ClientIpResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import io.netty.channel.EventLoop;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.RequestRateLimiterGatewayFilterFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The RequestRateLimiter filter for each tier, ready for the routes. Over the limit the filter
 * raises an error carrying 429 (the problem handler renders it) with Retry-After already set.
 */
@Component
public class RateLimitFilters {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilters.class);

    private final Map<RateTier, GatewayFilter> filters = new EnumMap<>(RateTier.class);
    private final BucketStore buckets;

    RateLimitFilters(RateLimitProperties properties, LettuceConnectionFactory redis, SharedEventLoops loops,
                     ClientIpResolver clientIp, MeterRegistry meters) {
        // The factory makes its client when it starts, after this bean exists; hence the suppliers.
        this.buckets = new BucketStore(redis::getNativeClient, properties.redisTimeout(), loops,
                () -> RedisClientConfiguration.standaloneTarget(redis));
        if (!properties.enabled()) {
            return;
        }
        FailOpen failOpen = new FailOpen(meters);
        for (RateTier tier : RateTier.values()) {
            TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(tier, properties.policy(tier), buckets, failOpen);
            // Brute-force protection must not be sidestepped by presenting some valid token.
            ClientKeyResolver keys = new ClientKeyResolver(clientIp, tier != RateTier.AUTH);
            RequestRateLimiterGatewayFilterFactory factory = new RequestRateLimiterGatewayFilterFactory(limiter, keys);
            filters.put(tier, factory.apply(new RequestRateLimiterGatewayFilterFactory.Config().setThrowOnLimit(true)));
        }
    }

    /**
     * Connects to Redis once the gateway is up, in the background: otherwise the first requests pay
     * for the connection, overrun the Redis timeout and pass unlimited.
     */
    @EventListener(ApplicationReadyEvent.class)
    void connectEarly() {
        if (filters.isEmpty()) {
            return;
        }
        buckets.connect().whenComplete((connection, failure) -> {
            if (failure != null) {
                log.warn("Rate-limit store not reachable yet, requests pass unlimited until it is: {}", failure.toString());
            }
        });
    }

    @PreDestroy
    void close() {
        buckets.close();
    }

    /**
     * The rate limit of a route under {@code tier}: its tier's, except for the staff requests of
     * {@link AdminRequests}, which draw from the admin tier instead. Empty when rate limiting is off.
     */
    public Optional<GatewayFilter> forRoute(RateTier tier) {
        GatewayFilter routeTier = filters.get(tier);
        GatewayFilter admin = filters.get(RateTier.ADMIN);
        if (routeTier == null || admin == null) {
            return Optional.empty();
        }
        return Optional.of((exchange, chain) -> AdminRequests.matches(exchange)
                .flatMap(isAdmin -> (isAdmin ? admin : routeTier).filter(exchange, onRequestLoop(exchange, chain))));
    }

    /**
     * The rest of the route, continued on the event loop of the client's connection. Redis answers
     * on the loop that serves the connection the call went over: the request's own once its loop's
     * connection is open (see BucketStore), otherwise whichever loop serves the shared connection.
     * Left there, the routing, the call to the service and its answer would crowd onto that loop.
     */
    static GatewayFilterChain onRequestLoop(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!(ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection)) {
            return chain;
        }
        EventLoop loop = connection.channel().eventLoop();
        return next -> loop.inEventLoop()
                ? chain.filter(next)
                : Mono.defer(() -> chain.filter(next)).subscribeOn(Schedulers.fromExecutor(loop));
    }
}
