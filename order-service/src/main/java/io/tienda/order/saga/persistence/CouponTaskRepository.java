package io.tienda.order.saga.persistence;

import io.tienda.platform.events.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Coupon uses to record or give back at product-service: written in the saga's transaction, carried
 * out afterwards by the worker (an HTTP outbox), so a failed call is retried and never lost.
 */
@Repository
public class CouponTaskRepository {

    private final JdbcClient jdbc;

    CouponTaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A task to carry out; the same action for the same order is queued once. */
    public record Task(UUID orderId, String action, String code, String customerId, Money orderTotal, int attempts) {
    }

    public void enqueue(UUID orderId, String action, String code, String customerId, Money orderTotal, Instant now) {
        if ("RELEASE".equals(action)) {
            // A redemption not made yet never will be: the order is cancelled. One in flight holds its row
            // locked, so this waits for it and the release then follows it.
            jdbc.sql("""
                            update coupon_tasks set status = 'FAILED', last_error = 'the order was cancelled first'
                             where order_id = :order and action = 'REDEEM' and status = 'PENDING'""")
                    .param("order", orderId).update();
        }
        jdbc.sql("""
                        insert into coupon_tasks (order_id, action, code, customer_id, order_total, currency,
                                                  next_attempt_at, created_at)
                        values (:order, :action, :code, :customer, :total, :currency, :now, :now)
                        on conflict (order_id, action) do nothing""")
                .param("order", orderId).param("action", action).param("code", code).param("customer", customerId)
                .param("total", orderTotal.amount()).param("currency", orderTotal.currency()).param("now", at(now))
                .update();
    }

    public List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                        select distinct order_id from (
                          select order_id from coupon_tasks where status = 'PENDING' and next_attempt_at <= :now
                           order by next_attempt_at limit :limit) due""")
                .param("now", at(now)).param("limit", limit).query(UUID.class).list();
    }

    /** The order's next pending task (a redemption before its release), locked; skipped if another worker holds it. */
    public Optional<Task> lockNext(UUID orderId, Instant now) {
        return jdbc.sql("""
                        select order_id, action, code, customer_id, order_total, currency, attempts from coupon_tasks
                         where order_id = :order and status = 'PENDING' and next_attempt_at <= :now
                         order by case action when 'REDEEM' then 0 else 1 end limit 1
                           for update skip locked""")
                .param("order", orderId).param("now", at(now))
                .query((rs, row) -> new Task(rs.getObject("order_id", UUID.class), rs.getString("action"),
                        rs.getString("code"), rs.getString("customer_id"),
                        Money.of(rs.getLong("order_total"), rs.getString("currency")), rs.getInt("attempts")))
                .optional();
    }

    public void finish(Task task, String status, String error, Instant now) {
        jdbc.sql("""
                        update coupon_tasks set status = :status, attempts = attempts + 1, last_error = :error,
                                                done_at = :now
                         where order_id = :order and action = :action""")
                .param("status", status).param("error", error).param("now", at(now))
                .param("order", task.orderId()).param("action", task.action()).update();
    }

    public void retryLater(Task task, String error, Instant next) {
        jdbc.sql("""
                        update coupon_tasks set attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                         where order_id = :order and action = :action""")
                .param("error", error).param("next", at(next))
                .param("order", task.orderId()).param("action", task.action()).update();
    }


    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
