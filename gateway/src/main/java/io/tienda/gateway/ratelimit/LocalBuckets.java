package io.tienda.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One tier's buckets as this gateway replica sees them: each request is decided here, from the
 * replica's own copy of its client's bucket, and what the replica spent is reported to Redis by
 * {@link #settle()} every few hundred milliseconds, in one script call for all the buckets spent
 * from. Redis' answer (the bucket after every replica's spending) becomes the replica's copy.
 * A request thus neither waits for Redis nor wakes another thread.
 *
 * <p>The price is a bounded overshoot. A client spends from each replica's copy between two
 * settlements, and a client this replica has not seen lately starts from a full bucket. What was
 * spent beyond the bucket is not forgiven: Redis keeps it as a debt, down to minus the capacity,
 * which the client pays back (refused) before it is served again. Over a period the limit holds.
 * For tiers where even that overshoot is too much (login attempts), Redis decides each request
 * ({@link BucketStore#take}).
 *
 * <p>While Redis does not answer, each replica keeps limiting on its own. A report Redis did not
 * take is counted ({@link FailOpen#notSettled}) and made again with the next settlement, so once
 * Redis is back it knows what was spent meanwhile; a round stops at its first failed call, so an
 * outage costs one call per tier and interval.
 *
 * <p>The copies are bounded: once a tier holds its most, a client without a copy is not given one
 * ({@link #take} answers {@code null}) and Redis decides its request, so a flood of addresses costs
 * Redis calls, not the gateway's heap.
 */
class LocalBuckets {

    /** The most buckets reported in one script call: Redis runs a script alone, so each is kept short. */
    static final int MOST_PER_CALL = 500;

    /** What {@link #take} decided. */
    record Taken(boolean allowed, long left, long waitMillis) {
    }

    private static final class Bucket {
        final String key;
        double tokens;
        long refilledAt;
        long touchedAt;
        /** Spent since the last report was sent. */
        int unsettled;
        /** Spent and reported, awaiting Redis' answer. */
        int reporting;
        /** Waiting in {@link #spent} for the next report. */
        boolean queued;

        Bucket(String key, double tokens, long now) {
            this.key = key;
            this.tokens = tokens;
            this.refilledAt = now;
            this.touchedAt = now;
        }
    }

    private final String tier;
    private final String keyPrefix;
    private final int capacity;
    private final double tokensPerNano;
    private final String[] scriptArguments;
    private final BucketStore store;
    private final FailOpen failures;
    private final long idleNanos;
    private final int most;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Bucket> spent = new ConcurrentLinkedQueue<>();
    /** The settlement under way, if any. */
    private final AtomicReference<CompletableFuture<Void>> round = new AtomicReference<>();

    /**
     * @param idle how long a bucket nobody spends from is kept; a client seen again after that starts
     *             from a full copy until the next settlement
     * @param most the most clients' copies kept at once
     */
    LocalBuckets(RateTier tier, RateLimitProperties.Policy policy, BucketStore store, FailOpen failures,
                 Duration idle, int most) {
        this.tier = tier.name().toLowerCase();
        this.keyPrefix = TokenBucketRateLimiter.KEY_PREFIX + this.tier + ":";
        this.capacity = policy.capacity();
        this.tokensPerNano = policy.tokensPerMillisecond() / 1_000_000d;
        this.scriptArguments = new String[] {Integer.toString(capacity), Double.toString(policy.tokensPerMillisecond())};
        this.store = store;
        this.failures = failures;
        this.idleNanos = idle.toNanos();
        this.most = most;
    }

    /**
     * Takes a token from {@code client}'s bucket, here and now.
     *
     * @return what was decided, or {@code null} when the client has no copy and there is no room for
     * one: Redis is then to decide
     */
    Taken take(String client) {
        long now = System.nanoTime();
        String key = keyPrefix + client;
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= most) {
                return null;
            }
            bucket = buckets.computeIfAbsent(key, absent -> new Bucket(absent, capacity, now));
        }
        boolean queue;
        Taken taken;
        synchronized (bucket) {
            refill(bucket, now);
            bucket.touchedAt = now;
            if (bucket.tokens < 1) {
                return new Taken(false, 0, (long) Math.ceil((1 - bucket.tokens) / tokensPerNano / 1_000_000d));
            }
            bucket.tokens -= 1;
            bucket.unsettled++;
            queue = !bucket.queued;
            bucket.queued = true;
            taken = new Taken(true, (long) Math.floor(bucket.tokens), 0);
        }
        if (queue) {
            spent.add(bucket);
        }
        return taken;
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = now - bucket.refilledAt;
        if (elapsed > 0) {
            bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * tokensPerNano);
            bucket.refilledAt = now;
        }
    }

    /**
     * Reports what was spent since the last report, {@link #MOST_PER_CALL} buckets a call, and takes
     * Redis' answer as this replica's copy. While a settlement is under way, starts none.
     *
     * @return when this settlement's reports (or the one's under way) are answered, or have failed
     */
    CompletableFuture<Void> settle() {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> underWay = round.compareAndExchange(null, mine);
        if (underWay != null) {
            return underWay;
        }
        next(mine);
        return mine;
    }

    private void finish(CompletableFuture<Void> done) {
        round.set(null);
        done.complete(null);
    }

    private void next(CompletableFuture<Void> done) {
        List<Bucket> batch = new ArrayList<>();
        List<String> counts = new ArrayList<>(scriptArguments.length + MOST_PER_CALL);
        counts.addAll(List.of(scriptArguments));
        Bucket bucket;
        while (batch.size() < MOST_PER_CALL && (bucket = spent.poll()) != null) {
            synchronized (bucket) {
                bucket.queued = false;
                bucket.reporting = bucket.unsettled;
                bucket.unsettled = 0;
                counts.add(Integer.toString(bucket.reporting));
            }
            batch.add(bucket);
        }
        if (batch.isEmpty()) {
            finish(done);
            return;
        }
        String[] keys = batch.stream().map(b -> b.key).toArray(String[]::new);
        store.settle(keys, counts.toArray(String[]::new)).whenComplete((left, failure) -> {
            boolean taken = failure == null && left != null && left.size() == batch.size();
            try {
                if (taken) {
                    answered(batch, left);
                    failures.recovered();
                } else {
                    failures.notSettled(tier, failure != null ? failure
                                    : new IllegalStateException("Unexpected settlement reply " + left),
                            batch.stream().mapToLong(b -> b.reporting).sum());
                    batch.forEach(this::reportAgain);
                }
            } finally {
                if (taken && batch.size() == MOST_PER_CALL) {
                    next(done);
                } else {
                    finish(done);
                }
            }
        });
    }

    /** Puts what {@code bucket} reported in vain back with what was spent since, for the next settlement. */
    private void reportAgain(Bucket bucket) {
        boolean queue;
        synchronized (bucket) {
            bucket.unsettled += bucket.reporting;
            bucket.reporting = 0;
            queue = !bucket.queued;
            bucket.queued = true;
        }
        if (queue) {
            spent.add(bucket);
        }
    }

    private void answered(List<Bucket> batch, List<String> left) {
        long now = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            Bucket bucket = batch.get(i);
            double inRedis = Double.parseDouble(left.get(i));
            synchronized (bucket) {
                // Redis' bucket holds this replica's reported spending; what was spent here since is not in it yet.
                bucket.tokens = Math.min(capacity, inRedis) - bucket.unsettled;
                bucket.refilledAt = now;
                bucket.reporting = 0;
            }
        }
    }

    /** Lets go of the buckets nobody spent from for longer than the idle time and that have nothing to report. */
    void forgetIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                return !bucket.queued && bucket.reporting == 0 && now - bucket.touchedAt > idleNanos;
            }
        });
    }

    /** How many clients' buckets this replica holds. */
    int size() {
        return buckets.size();
    }
}
