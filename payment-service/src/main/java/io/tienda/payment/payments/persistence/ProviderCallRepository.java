package io.tienda.payment.payments.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** The idempotency keys of calls to the provider, each stored before its call. */
@Repository
public class ProviderCallRepository {

    private final JdbcClient jdbc;

    ProviderCallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records (or re-records, for a retry) that a call with this key is about to be made. */
    public void aboutToCall(String idempotencyKey, UUID paymentId, String operation, String provider, Long amount,
            Instant now) {
        jdbc.sql("""
                        insert into provider_calls (idempotency_key, payment_id, operation, provider, amount, attempts,
                                                    created_at, last_called_at)
                        values (:key, :payment, :operation, :provider, :amount, 1, :now, :now)
                        on conflict (idempotency_key) do update
                           set attempts = provider_calls.attempts + 1, last_called_at = excluded.last_called_at""")
                .param("key", idempotencyKey).param("payment", paymentId).param("operation", operation)
                .param("provider", provider).param("amount", amount).param("now", Timestamp.from(now))
                .update();
    }

    public void answered(String idempotencyKey, String outcome) {
        jdbc.sql("update provider_calls set outcome = :outcome where idempotency_key = :key")
                .param("outcome", outcome.length() <= 200 ? outcome : outcome.substring(0, 200))
                .param("key", idempotencyKey).update();
    }

    public int attempts(String idempotencyKey) {
        return jdbc.sql("select coalesce(max(attempts), 0) from provider_calls where idempotency_key = :key")
                .param("key", idempotencyKey).query(Integer.class).single();
    }
}
