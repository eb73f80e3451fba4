package io.tienda.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a request from several clients at once and reports throughput and latency percentiles. The
 * figures are printed by the benchmarks; nothing here asserts a time.
 */
final class Load {

    /** One request of client {@code client}, its {@code i}-th; throws when the answer is wrong. */
    @FunctionalInterface
    interface Request {
        void send(int client, int i) throws Exception;
    }

    private Load() {
    }

    static Result run(String name, int clients, int requestsPerClient, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < requestsPerClient; i++) {
                        long t0 = System.nanoTime();
                        request.send(client, i);
                        latencies.add(System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return new Result(name, List.copyOf(latencies), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    record Result(String name, List<Long> latencies, Duration elapsed) {

        int count() {
            return latencies.size();
        }

        double perSecond() {
            return count() / (elapsed.toNanos() / 1e9);
        }

        long percentileMillis(double fraction) {
            List<Long> sorted = latencies.stream().sorted().toList();
            int index = Math.min(sorted.size() - 1, (int) (sorted.size() * fraction));
            return sorted.get(index) / 1_000_000;
        }

        @Override
        public String toString() {
            return String.format("%-10s %7.1f/s  p50 %4d ms  p95 %4d ms  (%d requests in %.1f s)", name, perSecond(),
                    percentileMillis(0.50), percentileMillis(0.95), count(), elapsed.toNanos() / 1e9);
        }
    }
}
