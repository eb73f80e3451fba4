package io.tienda.gateway.ratelimit;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.netty.channel.EventLoop;
import io.netty.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StreamUtils;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Where the buckets live: the token-bucket script run in Redis on a connection of the rate limiter's
 * own, through Lettuce's asynchronous API. Every proxied request makes this call, so it is kept lean:
 * the script is read once and sent by its SHA (loaded again only when Redis answers NOSCRIPT), the
 * reply is not converted, and the timeout is a slot on Lettuce's timer wheel rather than a task on a
 * scheduler. The same call through RedisTemplate (a Reactor pipeline, the script's last-modified
 * time read from the jar on every call) cost the gateway about 13 % more CPU per request.
 *
 * <p>Given the gateway's event loops ({@link SharedEventLoops}, which then also serve Lettuce's
 * connections), a call made on one of them goes over a connection of that loop's own, opened from
 * it in the background on its first call: Redis' answer then arrives on the thread that asked,
 * and no other thread is woken. Until it is open, and for any other caller, the store's one
 * shared connection serves. A Sentinel-managed Redis has only the shared connection.
 *
 * <p>Nothing here blocks a caller's thread. The connection is opened in the background, at start
 * and again on the first call after a failed attempt; a call meanwhile waits for the attempt under
 * way, within its timeout. Once open, Lettuce reconnects it by itself and refuses commands while
 * Redis is down. Whenever Redis cannot answer in time, the returned future fails, at once or at
 * the timeout, and the caller lets the request through.
 */
class BucketStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BucketStore.class);

    /** One token taken per request, for the tiers decided by Redis itself. */
    private static final Script TAKE = Script.read("ratelimit/token-bucket.lua");
    /** What a replica spent from its own copies of the buckets, reported in one call (see LocalBuckets). */
    private static final Script SETTLE = Script.read("ratelimit/settle.lua");

    /** A script's text and the SHA-1 of it, by which Redis names it once loaded. */
    private record Script(String text, String sha) {

        static Script read(String resource) {
            String text = BucketStore.read(resource);
            return new Script(text, sha1(text));
        }
    }

    /**
     * An open connection and its scripting commands. The buckets live on one standalone (or
     * Sentinel-managed) Redis; with any other client (a cluster) connecting fails, so rate limiting
     * fails open and says so at startup.
     */
    record Link(StatefulConnection<String, String> connection, RedisScriptingAsyncCommands<String, String> commands) {

        static Link to(AbstractRedisClient client) {
            if (!(client instanceof RedisClient standalone)) {
                throw new IllegalStateException("rate limiting needs a standalone or Sentinel Redis, not a "
                        + client.getClass().getSimpleName());
            }
            StatefulRedisConnection<String, String> opened = standalone.connect(StringCodec.UTF8);
            return new Link(opened, opened.async());
        }
    }

    /** How long a loop whose connection could not be opened waits before it tries again. */
    private static final long RETRY_LOOP_CONNECTION_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Supplier<? extends AbstractRedisClient> client;
    private final long timeoutNanos;
    private final SharedEventLoops loops;
    private final Supplier<RedisURI> loopTarget;
    private volatile Link connection;
    /** Each event loop's own connection, once open. */
    private final Map<EventLoop, Link> onLoop = new ConcurrentHashMap<>();
    /** When each loop last tried to open its connection. */
    private final Map<EventLoop, Long> loopAttempts = new ConcurrentHashMap<>();
    /** The connection being opened, if any; callers meanwhile wait for it, within their timeout. */
    private final AtomicReference<CompletableFuture<Link>> opening = new AtomicReference<>();
    private volatile boolean closed;

    /**
     * @param client  the configured client (host, password, TLS, timeouts) of the application's Redis
     *                connection factory, once it has one; this store opens a connection of its own with it
     * @param timeout how long a caller waits for a bucket before the future fails
     */
    BucketStore(Supplier<? extends AbstractRedisClient> client, Duration timeout) {
        this(client, timeout, null, () -> null);
    }

    /**
     * @param loops      the event loops that serve the client's connections, so that each gets one of
     *                   its own; {@code null} for the shared connection only
     * @param loopTarget the standalone Redis those connections go to (the client's own), or
     *                   {@code null} for the shared connection only
     */
    BucketStore(Supplier<? extends AbstractRedisClient> client, Duration timeout, SharedEventLoops loops,
                Supplier<RedisURI> loopTarget) {
        this.client = client;
        this.timeoutNanos = timeout.toNanos();
        this.loops = loops;
        this.loopTarget = loopTarget;
    }

    /**
     * Takes one token from {@code key}'s bucket.
     *
     * @return Redis' reply { allowed (1|0), tokens left, milliseconds until the next token }, or a
     * failed future when Redis cannot be reached or does not answer within the timeout
     */
    CompletableFuture<List<Long>> take(String key, String capacity, String tokensPerMillisecond) {
        return run(TAKE, new String[] {key}, capacity, tokensPerMillisecond);
    }

    /**
     * Reports what was spent from {@code keys}' buckets ({@code arguments}: capacity, refill rate, then
     * the tokens spent from each key in turn).
     *
     * @return the tokens left in each bucket, as Redis' text with their fraction, or a failed future
     * when Redis cannot be reached or does not answer within the timeout
     */
    CompletableFuture<List<String>> settle(String[] keys, String... arguments) {
        return run(SETTLE, keys, arguments);
    }

    private <T> CompletableFuture<List<T>> run(Script script, String[] keys, String... arguments) {
        try {
            Link current = ownLoopLink();
            if (current == null) {
                current = connection;
            }
            if (current != null) {
                return within(evaluate(current, script, keys, arguments));
            }
            return within(connect().thenCompose(opened -> evaluate(opened, script, keys, arguments)));
        } catch (RuntimeException failure) {
            // whatever goes wrong, the caller gets an answer it can let the request through on
            return CompletableFuture.failedFuture(failure);
        }
    }

    private static <T> CompletableFuture<List<T>> evaluate(Link link, Script script, String[] keys, String[] arguments) {
        return link.commands()
                .<List<T>>evalsha(script.sha(), ScriptOutputType.MULTI, keys, arguments)
                .toCompletableFuture()
                .exceptionallyCompose(failure -> unwrap(failure) instanceof RedisNoScriptException
                        // Redis restarted or flushed its script cache: send the script itself once more.
                        ? link.commands().<List<T>>eval(script.text(), ScriptOutputType.MULTI, keys, arguments)
                                .toCompletableFuture()
                        : CompletableFuture.failedFuture(failure));
    }

    /**
     * The calling event loop's own connection; {@code null} when the caller is not one of the loops
     * or the loop's connection is not open yet, which it then starts opening from this thread (so
     * that the loop serves it) once the shared connection has shown Redis reachable.
     */
    private Link ownLoopLink() {
        if (loops == null) {
            return null;
        }
        EventLoop loop = loops.current();
        if (loop == null) {
            return null;
        }
        Link own = onLoop.get(loop);
        if (own == null && connection != null && !closed) {
            openOn(loop);
        }
        return own;
    }

    /** Runs on {@code loop}'s own thread only, so one loop never has two attempts under way. */
    private void openOn(EventLoop loop) {
        long now = System.nanoTime();
        Long last = loopAttempts.get(loop);
        if (last != null && now - last < RETRY_LOOP_CONNECTION_NANOS) {
            return;
        }
        loopAttempts.put(loop, now);
        RedisURI target = loopTarget.get();
        if (target == null || !(client.get() instanceof RedisClient standalone)) {
            return;
        }
        try {
            // Not blocking: the channel is registered with this thread's loop here, and connects in the background.
            standalone.connectAsync(StringCodec.UTF8, target).whenComplete((opened, failure) -> {
                if (failure != null) {
                    log.debug("Rate-limit store connection of {} not opened: {}", loop, failure.toString());
                } else if (closed) {
                    opened.closeAsync();
                } else {
                    onLoop.put(loop, new Link(opened, opened.async()));
                }
            });
        } catch (RuntimeException failure) {
            // the request goes on over the shared connection; the loop tries again later
            log.debug("Rate-limit store connection of {} not opened: {}", loop, failure.toString());
        }
    }

    /** Fails {@code reply} after the timeout, by a slot on the client's timer wheel (no thread, no task queue). */
    private <T> CompletableFuture<T> within(CompletableFuture<T> reply) {
        if (reply.isDone()) {
            return reply;
        }
        // Not done yet, so the client exists: without one the attempt to connect has already failed.
        Timeout expiry = client.get().getResources().timer().newTimeout(
                ignored -> reply.completeExceptionally(new TimeoutException("Redis did not answer in time")),
                timeoutNanos, TimeUnit.NANOSECONDS);
        reply.whenComplete((result, failure) -> expiry.cancel());
        return reply;
    }

    /**
     * Opens the connection, or joins the attempt under way; never blocks the caller. A failed attempt
     * is forgotten, so the next call tries again. Once open, Lettuce reconnects it by itself.
     */
    CompletableFuture<Link> connect() {
        Link current = connection;
        if (current != null) {
            return CompletableFuture.completedFuture(current);
        }
        CompletableFuture<Link> attempt = new CompletableFuture<>();
        CompletableFuture<Link> underWay = opening.compareAndExchange(null, attempt);
        if (underWay != null) {
            return underWay;
        }
        AbstractRedisClient redis = closed ? null : client.get();
        if (redis == null) {
            opening.set(null);
            attempt.completeExceptionally(new IllegalStateException("the Redis client is not started"));
            return attempt;
        }
        // The client's own connect is blocking (bounded by its connect and command timeouts).
        Schedulers.boundedElastic().schedule(() -> {
            try {
                Link opened = Link.to(redis);
                if (closed) {
                    opened.connection().close();
                    throw new IllegalStateException("the rate-limit store is closed");
                }
                connection = opened;
                log.debug("Rate-limit store connected");
                attempt.complete(opened);
            } catch (RuntimeException failure) {
                log.debug("Rate-limit store not reachable: {}", failure.toString());
                attempt.completeExceptionally(failure);
            } finally {
                opening.set(null);
            }
        });
        return attempt;
    }

    @Override
    public void close() {
        closed = true;
        Link current = connection;
        connection = null;
        if (current != null) {
            current.connection().close();
        }
        onLoop.values().forEach(own -> own.connection().close());
        onLoop.clear();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = BucketStore.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
