package io.tienda.payment.simulator.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The simulated provider's idempotency keys with the first answer each got, as Stripe keeps them. */
@Repository
public class SimulatedIdempotencyRepository {

    private final JdbcClient jdbc;

    SimulatedIdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key already used: the request it was used for (as a hash) and its stored answer, if any yet. */
    public record Used(String requestHash, String response) {
    }

    /** Claims the key in the caller's transaction; a concurrent request with it waits, then finds it taken. */
    public boolean claim(String key, String requestHash) {
        return jdbc.sql("""
                        insert into simulated_idempotency_keys (key, request_hash) values (:key, :hash)
                        on conflict (key) do nothing""")
                .param("key", key).param("hash", requestHash).update() == 1;
    }

    public Optional<Used> used(String key) {
        return jdbc.sql("select request_hash, response from simulated_idempotency_keys where key = :key")
                .param("key", key)
                .query((rs, row) -> new Used(rs.getString("request_hash"), rs.getString("response")))
                .optional();
    }

    public void answer(String key, int status, String response) {
        jdbc.sql("update simulated_idempotency_keys set status_code = :status, response = :response where key = :key")
                .param("status", status).param("response", response).param("key", key).update();
    }
}
