package io.tienda.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

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

        Load.Result logins = run("login", accounts, false);
        Load.Result refreshes = run("refresh", accounts, true);

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
    private Load.Result run(String name, List<String> accounts, boolean refreshChain) throws Exception {
        List<String> refreshTokens = new ArrayList<>();
        for (String email : accounts) {
            refreshTokens.add(refreshChain ? Accounts.login(email, PASSWORD).refreshToken() : null);
        }
        return Load.run(name, CLIENTS, REQUESTS_PER_CLIENT, (client, i) -> {
            if (refreshChain) {
                refreshTokens.set(client, refresh(refreshTokens.get(client)));
            } else {
                Accounts.login(accounts.get(client), PASSWORD);
            }
        });
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
}
