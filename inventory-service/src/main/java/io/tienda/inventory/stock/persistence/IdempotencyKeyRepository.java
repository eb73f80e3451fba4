package io.tienda.inventory.stock.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;

/** Idempotency-Keys of staff requests, with the answer each one got. */
@Repository
public class IdempotencyKeyRepository {

    private final JdbcClient jdbc;

    IdempotencyKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key already used, the request it was used for (as a hash) and the answer it got. */
    public record Used(String requestHash, String response) {
    }

    /**
     * Claims the key for this transaction. A concurrent request with the same key waits here until
     * this transaction ends, then finds the key taken (or free again, if this one rolled back).
     */
    public boolean claim(String scope, String key, String requestHash, Instant now) {
        return jdbc.sql("""
                        insert into idempotency_keys (scope, key, request_hash, created_at)
                        values (:scope, :key, :hash, :now) on conflict (scope, key) do nothing""")
                .param("scope", scope).param("key", key).param("hash", requestHash).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public Used used(String scope, String key) {
        return jdbc.sql("select request_hash, response from idempotency_keys where scope = :scope and key = :key")
                .param("scope", scope).param("key", key)
                .query((rs, row) -> new Used(rs.getString("request_hash"), rs.getString("response")))
                .single();
    }

    public void answer(String scope, String key, int status, String response) {
        jdbc.sql("""
                        update idempotency_keys set status = :status, response = :response
                         where scope = :scope and key = :key""")
                .param("status", status).param("response", response).param("scope", scope).param("key", key)
                .update();
    }

    public int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }
}
