package io.tienda.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls made at the same moment, as concurrent clients make them: each on a thread of its own (or
 * of a pool of the given size), all held at one start line and released together. The results come
 * back in the calls' order. A call that throws, or calls that have not all answered within two
 * minutes (a deadlock, a lost lock), fail the test with the cause.
 */
public final class AllAtOnce {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private AllAtOnce() {
    }

    /** One call of the race; {@code index} counts from 0 to count − 1. */
    @FunctionalInterface
    public interface Call<T> {
        T run(int index) throws Exception;
    }

    /** {@code count} calls, each on its own thread. */
    public static <T> List<T> run(int count, Call<T> call) {
        return run(count, count, call);
    }

    /** {@code count} calls on {@code threads} threads: the first {@code threads} start together, the rest as they free up. */
    public static <T> List<T> run(int count, int threads, Call<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(index);
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) {
                results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            throw new AssertionError("a concurrent call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the concurrent calls did not all answer within " + LIMIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the concurrent calls", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
