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

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The RequestRateLimiter filter for each tier, ready for the routes. Over the limit the filter
 * raises an error carrying 429 (the problem handler renders it) with Retry-After already set.
 */
@Component
public class RateLimitFilters {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilters.class);

    private final Map<RateTier, GatewayFilter> filters = new EnumMap<>(RateTier.class);
    private final BucketStore buckets;
    /** The tiers decided from this replica's copies of the buckets, and the thread that settles them. */
    private final List<LocalBuckets> local = new ArrayList<>();
    private final Duration settleEvery;
    private final Duration redisTimeout;
    private ScheduledExecutorService settler;

    RateLimitFilters(RateLimitProperties properties, LettuceConnectionFactory redis, SharedEventLoops loops,
                     ClientIpResolver clientIp, MeterRegistry meters) {
        // The factory makes its client when it starts, after this bean exists; hence the suppliers.
        this.buckets = new BucketStore(redis::getNativeClient, properties.redisTimeout(), loops,
                () -> RedisClientConfiguration.standaloneTarget(redis));
        this.settleEvery = properties.settleEvery();
        this.redisTimeout = properties.redisTimeout();
        if (!properties.enabled()) {
            return;
        }
        FailOpen failOpen = new FailOpen(meters);
        for (RateTier tier : RateTier.values()) {
            LocalBuckets copies = null;
            if (!properties.exact(tier)) {
                copies = new LocalBuckets(tier, properties.policy(tier), buckets, failOpen, properties.idleBuckets(),
                        properties.localBuckets());
                local.add(copies);
            }
            TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(tier, properties.policy(tier), buckets, failOpen,
                    copies);
            // Brute-force protection must not be sidestepped by presenting some valid token.
            ClientKeyResolver keys = new ClientKeyResolver(clientIp, tier != RateTier.AUTH);
            RequestRateLimiterGatewayFilterFactory factory = new RequestRateLimiterGatewayFilterFactory(limiter, keys);
            filters.put(tier, factory.apply(new RequestRateLimiterGatewayFilterFactory.Config().setThrowOnLimit(true)));
        }
    }

    /**
     * Connects to Redis once the gateway is up, in the background: otherwise the first requests pay
     * for the connection, overrun the Redis timeout and pass unlimited. Then settles the local tiers'
     * spending every {@code tienda.rate-limit.settle-every}, on a thread of its own.
     */
    @EventListener(ApplicationReadyEvent.class)
    void connectEarly() {
        if (filters.isEmpty()) {
            return;
        }
        buckets.connect().whenComplete((connection, failure) -> {
            if (failure != null) {
                log.warn("Rate-limit store not reachable yet: until it is, requests of the exact tiers pass unlimited "
                        + "and this replica limits the others alone: {}", failure.toString());
            }
        });
        if (!local.isEmpty()) {
            settler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "rate-limit-settle");
                thread.setDaemon(true);
                return thread;
            });
            long every = settleEvery.toNanos();
            settler.scheduleWithFixedDelay(this::settle, every, every, TimeUnit.NANOSECONDS);
            // Idle copies are few next to the requests; looking for them every few seconds is plenty.
            settler.scheduleWithFixedDelay(() -> local.forEach(LocalBuckets::forgetIdle), 5, 5, TimeUnit.SECONDS);
        }
    }

    private void settle() {
        for (LocalBuckets tier : local) {
            try {
                tier.settle();
            } catch (RuntimeException failure) {
                // an exception would end the schedule; the next round tries again
                log.warn("Rate-limit settlement failed", failure);
            }
        }
    }

    /** Reports what is left to report, within the Redis timeout, then lets the store go. */
    @PreDestroy
    void close() {
        if (settler != null) {
            settler.shutdownNow();
            CompletableFuture<?>[] last = local.stream().map(LocalBuckets::settle).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(last).get(redisTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.debug("Rate-limit spending not reported at shutdown: {}", e.toString());
            }
        }
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
