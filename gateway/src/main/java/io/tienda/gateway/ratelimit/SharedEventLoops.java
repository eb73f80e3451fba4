package io.tienda.gateway.ratelimit;

import io.lettuce.core.resource.EventLoopGroupProvider;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import reactor.netty.resources.LoopResources;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lettuce's connections served by the gateway's own event loops, the ones Reactor Netty runs the
 * gateway's server and its HTTP client on, rather than by threads of Lettuce's own. The loops are
 * Reactor Netty's colocated client group: a connection opened from one of its threads is served
 * by that same thread, so {@link BucketStore} opens one connection per loop, and a request's call
 * to Redis is written, answered and continued on the request's own thread, without waking
 * another one twice per request (with Lettuce's threads that was about a sixth of the gateway's
 * CPU per request, on two cores). The loops belong to Reactor Netty: Lettuce never shuts them down.
 */
final class SharedEventLoops implements EventLoopGroupProvider {

    private final Supplier<LoopResources> loops;
    private volatile EventLoopGroup group;

    /** @param loops Reactor Netty's loop resources, looked up on first use (after the web server made them) */
    SharedEventLoops(Supplier<LoopResources> loops) {
        this.loops = loops;
    }

    /** The event loop the calling thread runs, or {@code null} when it is not one of the gateway's loops. */
    EventLoop current() {
        EventLoop loop = group().next();
        return loop.inEventLoop() ? loop : null;
    }

    private EventLoopGroup group() {
        EventLoopGroup resolved = group;
        if (resolved == null) {
            resolved = loops.get().onClient(LoopResources.DEFAULT_NATIVE);
            group = resolved;
        }
        return resolved;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends EventLoopGroup> T allocate(Class<T> type) {
        return (T) group();
    }

    @Override
    public int threadPoolSize() {
        return LoopResources.DEFAULT_IO_WORKER_COUNT;
    }

    @Override
    public Future<Boolean> release(EventExecutorGroup eventLoopGroup, long quietPeriod, long timeout, TimeUnit unit) {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }

    @Override
    public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit timeUnit) {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }
}
