package io.tienda.inventory.stock.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;

/** The restock keys already applied; kept for good, unlike the Idempotency-Keys of staff requests. */
@Repository
public class RestockKeyRepository {

    private final JdbcClient jdbc;

    RestockKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the key in the caller's transaction; false when it was applied before. */
    public boolean claim(String restockKey, String reference, Instant now) {
        return jdbc.sql("""
                        insert into restocks (restock_key, reference, created_at) values (:key, :reference, :now)
                        on conflict (restock_key) do nothing""")
                .param("key", restockKey).param("reference", reference).param("now", Timestamp.from(now))
                .update() == 1;
    }
}
