package io.tienda.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * One tier's limit, kept in Redis so every gateway replica draws from the same buckets. Unlike
 * Spring Cloud Gateway's RedisRateLimiter it refills fractional tokens, so "1000 an hour" needs no
 * requested-tokens trick, and it knows how long a refused client must wait (Retry-After).
 *
 * <p>A tier is either decided here from this replica's copies of the buckets, settled with Redis
 * every few hundred milliseconds ({@link LocalBuckets}), or, when exact, by Redis for each request.
 * Redis trouble never blocks or fails a request: when the {@link BucketStore} cannot answer an
 * exact tier in time, the request passes.
 */
class TokenBucketRateLimiter implements RateLimiter<RateLimitProperties.Policy> {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    static final String KEY_PREFIX = "tienda:rate-limit:";

    private final String tier;
    private final RateLimitProperties.Policy policy;
    private final BucketStore buckets;
    private final FailOpen failOpen;
    private final String capacity;
    private final String tokensPerMillisecond;
    private final LocalBuckets local;

    /** An exact tier: Redis decides each request. */
    TokenBucketRateLimiter(RateTier tier, RateLimitProperties.Policy policy, BucketStore buckets, FailOpen failOpen) {
        this(tier, policy, buckets, failOpen, null);
    }

    /**
     * @param local this replica's copies of the tier's buckets, or {@code null} for an exact tier; a
     *              client they have no room for is decided by Redis
     */
    TokenBucketRateLimiter(RateTier tier, RateLimitProperties.Policy policy, BucketStore buckets, FailOpen failOpen,
                           LocalBuckets local) {
        this.local = local;
        this.tier = tier.name().toLowerCase();
        this.policy = policy;
        this.buckets = buckets;
        this.failOpen = failOpen;
        this.capacity = Integer.toString(policy.capacity());
        this.tokensPerMillisecond = Double.toString(policy.tokensPerMillisecond());
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String key) {
        LocalBuckets.Taken taken = local != null ? local.take(key) : null;
        if (taken != null) {
            return Mono.just(response(taken.allowed(), taken.left(), taken.waitMillis()));
        }
        return Mono.fromFuture(buckets.take(KEY_PREFIX + tier + ":" + key, capacity, tokensPerMillisecond)
                .handle((reply, failure) -> {
                    if (failure != null) {
                        failOpen.record(tier, failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure);
                        return new Response(true, Map.of());
                    }
                    failOpen.recovered();
                    return response(reply);
                }));
    }

    private Response response(List<Long> result) {
        if (result == null || result.size() < 3) {
            failOpen.record(tier, new IllegalStateException("Unexpected rate-limit script reply " + result));
            return new Response(true, Map.of());
        }
        return response(result.get(0) == 1L, result.get(1), result.get(2));
    }

    private static Response response(boolean allowed, long left, long waitMillis) {
        Map<String, String> headers = new HashMap<>();
        headers.put(REMAINING_HEADER, Long.toString(left));
        if (!allowed) {
            long waitSeconds = Math.max(1, (waitMillis + 999) / 1000);
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
        }
        return new Response(allowed, headers);
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
