package io.tienda.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins and refreshes per second through the gateway, printed, never asserted against a time:
 * {@code ./mvnw -pl e2e verify -Pbench} (starts the fleet unless -Dtienda.e2e.base-url names one).
 * Each request presents its own client address so the per-IP login limit does not cap the figure.
 */
@ExtendWith(Fleet.class)
class AuthBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int REQUESTS_PER_CLIENT = Integer.getInteger("bench.requests", 25);

    private static final String PASSWORD = "Bench!2345pw";

    @Test
    void loginsAndRefreshesPerSecond() throws Exception {
        // One account per client: concurrent attempts on one account count as failures until each
        // proves right (the brute-force guard), which would measure the guard, not the login.
        List<String> accounts = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            accounts.add(register());
            Accounts.login(accounts.get(c), PASSWORD);  // warm-up: JIT, connection pools, key cache
        }

        Result logins = run("login", accounts, false);
        Result refreshes = run("refresh", accounts, true);

        System.out.printf("%n== auth benchmark through the gateway (%d clients x %d requests) ==%n",
                CLIENTS, REQUESTS_PER_CLIENT);
        System.out.println(logins);
        System.out.println(refreshes);
        System.out.println("password hashing: " + System.getProperty("bench.hashing",
                "Argon2id, 19 MiB, 2 passes, 1 lane (user-service defaults)"));
        assertThat(logins.count()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
        assertThat(refreshes.count()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
    }

    /** Runs the requests from {@link #CLIENTS} threads; for refreshes each client rotates its own token chain. */
    private Result run(String name, List<String> accounts, boolean refreshChain) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String email = accounts.get(c);
            clients.add(pool.submit(() -> {
                String refreshToken = refreshChain ? Accounts.login(email, PASSWORD).refreshToken() : null;
                for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    long t0 = System.nanoTime();
                    if (refreshChain) {
                        refreshToken = refresh(refreshToken);
                    } else {
                        Accounts.login(email, PASSWORD);
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Result(name, latencies, Duration.ofNanos(elapsed));
    }

    private static String register() {
        String email = "bench-" + java.util.UUID.randomUUID() + "@example.com";
        Api.Reply reply = Api.gateway().post("/api/v1/auth/register",
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Bench\"}")
                .header("X-Forwarded-For", Accounts.randomClientAddress())
                .send();
        if (reply.status() >= 300) {
            throw new IllegalStateException("register answered " + reply.status() + ": " + reply.body());
        }
        return email;
    }

    private static String refresh(String refreshToken) {
        Api.Reply reply = Api.gateway().post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}")
                .header("X-Forwarded-For", Accounts.randomClientAddress())
                .send();
        if (reply.status() != 200) {
            throw new IllegalStateException("refresh answered " + reply.status() + ": " + reply.body());
        }
        return reply.json().get("refresh_token").asString();
    }

    record Result(String name, List<Long> latencies, Duration elapsed) {

        int count() {
            return latencies.size();
        }

        @Override
        public String toString() {
            List<Long> sorted = latencies.stream().sorted().toList();
            double perSecond = count() / (elapsed.toNanos() / 1e9);
            return String.format("%-8s %6.1f/s  p50 %4d ms  p95 %4d ms  (%d requests in %.1f s)", name, perSecond,
                    sorted.get(sorted.size() / 2) / 1_000_000, sorted.get((int) (sorted.size() * 0.95)) / 1_000_000,
                    count(), elapsed.toNanos() / 1e9);
        }
    }
}
