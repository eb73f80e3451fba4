package io.tienda.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One tier's limit, kept in Redis so every gateway replica draws from the same buckets. Unlike
 * Spring Cloud Gateway's RedisRateLimiter it refills fractional tokens, so "1000 an hour" needs no
 * requested-tokens trick, and it knows how long a refused client must wait (Retry-After).
 * Redis trouble never blocks or fails a request: after {@code timeout} the request passes.
 */
class TokenBucketRateLimiter implements RateLimiter<RateLimitProperties.Policy> {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    static final String KEY_PREFIX = "tienda:rate-limit:";

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> SCRIPT =
            (RedisScript) RedisScript.of(new ClassPathResource("ratelimit/token-bucket.lua"), List.class);

    private final String tier;
    private final RateLimitProperties.Policy policy;
    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final FailOpen failOpen;
    private final List<String> arguments;
    /** Set at the first answer from Redis; from then on the shared connection exists and calls never block. */
    private volatile boolean connected;

    TokenBucketRateLimiter(RateTier tier, RateLimitProperties.Policy policy, ReactiveStringRedisTemplate redis,
                           Duration timeout, FailOpen failOpen) {
        this.tier = tier.name().toLowerCase();
        this.policy = policy;
        this.redis = redis;
        this.timeout = timeout;
        this.failOpen = failOpen;
        this.arguments = List.of(Integer.toString(policy.capacity()), Double.toString(policy.tokensPerMillisecond()));
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String key) {
        Flux<List<Long>> call = redis.execute(SCRIPT, List.of(KEY_PREFIX + tier + ":" + key), arguments);
        // Until Redis has been reached once, taking the shared connection is a blocking connect; it
        // must not happen on a Netty event loop. Afterwards the hop to another thread is pure cost
        // (two thread switches on every request), so the call stays on the request's event loop.
        return (connected ? call : call.subscribeOn(Schedulers.boundedElastic()).doOnNext(reply -> connected = true))
                .collectList()
                .map(TokenBucketRateLimiter::flatten)
                .timeout(timeout)
                .map(this::response)
                .doOnNext(allowed -> failOpen.recovered())
                .onErrorResume(failure -> {
                    failOpen.record(tier, failure);
                    return Mono.just(new Response(true, Map.of()));
                });
    }

    private Response response(List<Long> result) {
        boolean allowed = result.get(0) == 1L;
        Map<String, String> headers = new HashMap<>();
        headers.put(REMAINING_HEADER, Long.toString(result.get(1)));
        if (!allowed) {
            long waitSeconds = Math.max(1, (result.get(2) + 999) / 1000);
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
        }
        return new Response(allowed, headers);
    }

    private static List<Long> flatten(List<List<Long>> replies) {
        List<Long> values = new ArrayList<>(3);
        replies.forEach(values::addAll);
        if (values.size() < 3) {
            throw new IllegalStateException("Unexpected rate-limit script reply " + values);
        }
        return values;
    }

    @Override
    public Map<String, RateLimitProperties.Policy> getConfig() {
        return Map.of();
    }

    @Override
    public Class<RateLimitProperties.Policy> getConfigClass() {
        return RateLimitProperties.Policy.class;
    }

    @Override
    public RateLimitProperties.Policy newConfig() {
        return policy;
    }
}
