package io.tienda.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * @param enabled      switch rate limiting off entirely (load tests from one address)
 * @param redisTimeout how long a request waits for Redis before it is let through unlimited
 * @param policies     per tier: {@code limit} requests per {@code period}, refilled evenly, with
 *                     up to {@code burst} at once (defaults to {@code limit})
 * @param settleEvery  how often each replica reports what it spent from its own copies of the buckets
 *                     of the tiers not listed as exact ({@link LocalBuckets}); zero makes every tier exact
 * @param exactTiers   the tiers Redis decides request by request, with no overshoot between replicas
 * @param idleBuckets  how long a replica keeps a client's copy nobody spends from
 * @param localBuckets the most clients' copies a replica keeps per tier; beyond it, Redis decides
 *                     the requests of clients without one
 */
@ConfigurationProperties("tienda.rate-limit")
record RateLimitProperties(Boolean enabled, Duration redisTimeout, Map<RateTier, Policy> policies,
                           Duration settleEvery, Set<RateTier> exactTiers, Duration idleBuckets,
                           Integer localBuckets) {

    RateLimitProperties {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        redisTimeout = redisTimeout == null ? Duration.ofMillis(250) : redisTimeout;
        settleEvery = settleEvery == null ? Duration.ofMillis(200) : settleEvery;
        if (settleEvery.isNegative()) {
            throw new IllegalArgumentException("tienda.rate-limit.settle-every must not be negative, not " + settleEvery);
        }
        exactTiers = exactTiers == null ? Set.of(RateTier.AUTH, RateTier.ADMIN) : Set.copyOf(exactTiers);
        idleBuckets = idleBuckets == null ? Duration.ofSeconds(10) : idleBuckets;
        localBuckets = localBuckets == null ? 50_000 : localBuckets;
        if (localBuckets < 1) {
            throw new IllegalArgumentException("tienda.rate-limit.local-buckets must be at least 1, not " + localBuckets);
        }
        Map<RateTier, Policy> complete = new EnumMap<>(RateTier.class);
        complete.put(RateTier.GENERAL, new Policy(1000, Duration.ofHours(1), null));
        complete.put(RateTier.AUTH, new Policy(5, Duration.ofMinutes(1), null));
        complete.put(RateTier.SEARCH, new Policy(100, Duration.ofMinutes(1), null));
        complete.put(RateTier.ADMIN, new Policy(500, Duration.ofHours(1), null));
        complete.put(RateTier.PAGES, new Policy(3000, Duration.ofHours(1), 300));
        if (policies != null) {
            policies.forEach((tier, policy) -> complete.merge(tier, policy, (defaults, given) -> given.orElse(defaults)));
        }
        policies = Map.copyOf(complete);
    }

    Policy policy(RateTier tier) {
        return policies.get(tier);
    }

    /** Whether Redis decides each request of {@code tier}, rather than this replica's copies settled with it. */
    boolean exact(RateTier tier) {
        return settleEvery.isZero() || exactTiers.contains(tier);
    }

    record Policy(Integer limit, Duration period, Integer burst) {

        Policy {
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("A rate limit must allow at least one request, not " + limit);
            }
            if (period != null && period.toMillis() < 1) {
                throw new IllegalArgumentException("A rate-limit period must be positive, not " + period);
            }
            if (burst != null && burst < 1) {
                throw new IllegalArgumentException("A burst must allow at least one request, not " + burst);
            }
        }

        Policy orElse(Policy defaults) {
            return new Policy(limit != null ? limit : defaults.limit, period != null ? period : defaults.period,
                    burst != null ? burst : defaults.burst);
        }

        int capacity() {
            return burst != null ? burst : limit;
        }

        double tokensPerMillisecond() {
            return limit / (double) period.toMillis();
        }
    }
}
