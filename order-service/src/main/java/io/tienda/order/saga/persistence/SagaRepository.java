package io.tienda.order.saga.persistence;

import io.tienda.order.saga.domain.Attention;
import io.tienda.order.saga.domain.CheckoutReview;
import io.tienda.order.saga.domain.CheckoutReview.Resolution;
import io.tienda.order.saga.domain.SagaState;
import io.tienda.platform.events.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checkout sagas in {@code saga_instance}: the step, deadline and attempts as columns (the sweeper
 * selects on them), everything else as JSON. A saga row is locked before its order is changed, so
 * replies, the sweeper and cancellations of one order queue behind each other.
 */
@Repository
public class SagaRepository {

    private final JdbcClient jdbc;

    SagaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SagaState saga) {
        jdbc.sql("""
                        insert into saga_instance (order_id, step, deadline, attempts, data, attention, created_at,
                                                   updated_at)
                        values (:order, :step, :deadline, :attempts, cast(:data as jsonb), cast(:attention as text[]),
                                :now, :now)""")
                .param("order", saga.orderId()).param("step", saga.step().name())
                .param("attention", attention(saga))
                .param("deadline", at(saga.deadline())).param("attempts", saga.attempts())
                .param("data", EventJson.write(saga)).param("now", at(saga.updatedAt()))
                .update();
    }

    /**
     * Stores the saga's new state and what of it needs attention. A resolution stands while nothing needs
     * attention that did not already when staff resolved it; anything new clears it, so the checkout is
     * listed again.
     */
    public void update(SagaState saga) {
        jdbc.sql("""
                        update saga_instance set step = :step, deadline = :deadline, attempts = :attempts,
                                                 data = cast(:data as jsonb), updated_at = :now, version = version + 1,
                                                 attention = cast(:attention as text[]),
                                                 resolved_at = case when cast(:attention as text[]) <@ attention
                                                                    then resolved_at end,
                                                 resolved_by = case when cast(:attention as text[]) <@ attention
                                                                    then resolved_by end,
                                                 resolution_note = case when cast(:attention as text[]) <@ attention
                                                                        then resolution_note end
                         where order_id = :order""")
                .param("order", saga.orderId()).param("step", saga.step().name())
                .param("attention", attention(saga))
                .param("deadline", at(saga.deadline())).param("attempts", saga.attempts())
                .param("data", EventJson.write(saga)).param("now", at(saga.updatedAt()))
                .update();
    }

    /** The order's saga, locked until this transaction ends. */
    public Optional<SagaState> lock(UUID orderId) {
        return jdbc.sql("select data from saga_instance where order_id = :order for update")
                .param("order", orderId).query(String.class).optional().map(SagaRepository::read);
    }

    /** These orders' sagas, locked until this transaction ends, in the order of their ids. */
    public void lockAll(Collection<UUID> orderIds) {
        if (!orderIds.isEmpty()) {
            jdbc.sql("select order_id from saga_instance where order_id in (:orders) order by order_id for update")
                    .param("orders", List.copyOf(orderIds)).query(UUID.class).list();
        }
    }

    /**
     * The saga's reason reads {@code replacement} if it is {@code text}. Its step, deadline and when it last
     * changed stay: nothing happened to the checkout.
     */
    public void replaceReason(UUID orderId, String text, String replacement) {
        jdbc.sql("""
                        update saga_instance
                           set data = jsonb_set(data, '{reason}', to_jsonb(cast(:replacement as text)))
                         where order_id = :order and data ->> 'reason' = :text""")
                .param("order", orderId).param("text", text).param("replacement", replacement).update();
    }

    public Optional<SagaState> find(UUID orderId) {
        return jdbc.sql("select data from saga_instance where order_id = :order")
                .param("order", orderId).query(String.class).optional().map(SagaRepository::read);
    }

    /** Sagas whose deadline has passed, the most overdue first. */
    public List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                        select order_id from saga_instance where deadline <= :now order by deadline limit :limit""")
                .param("now", at(now)).param("limit", limit).query(UUID.class).list();
    }

    /**
     * The saga, locked, if it is still past its deadline and no other transaction holds it (another
     * replica's sweeper, a reply being applied): those are skipped, not waited for.
     */
    public Optional<SagaState> lockIfDue(UUID orderId, Instant now) {
        return jdbc.sql("""
                        select data from saga_instance where order_id = :order and deadline <= :now
                           for update skip locked""")
                .param("order", orderId).param("now", at(now)).query(String.class).optional()
                .map(SagaRepository::read);
    }

    private static final String REVIEW = "select data, resolved_at, resolved_by, resolution_note from saga_instance";

    /** The order's checkout with any resolution, without the order (orders are the orders feature's). */
    public Optional<CheckoutReview> review(UUID orderId) {
        return jdbc.sql(REVIEW + " where order_id = :order").param("order", orderId)
                .query(SagaRepository::review).optional();
    }

    /** Checkouts that need attention and are not resolved, most recently changed first, without their orders. */
    public List<CheckoutReview> needingAttention(long offset, int limit) {
        return jdbc.sql(REVIEW + "\n" + """
                         where cardinality(attention) > 0 and resolved_at is null
                         order by updated_at desc, order_id offset :offset limit :limit""")
                .param("offset", offset).param("limit", limit).query(SagaRepository::review).list();
    }

    public long countNeedingAttention() {
        return jdbc.sql("select count(*) from saga_instance where cardinality(attention) > 0 and resolved_at is null")
                .query(Long.class).single();
    }

    /**
     * Records that staff dealt with what the checkout left for operations; false when nothing of it
     * needs attention, or it is already resolved and {@code replacing} is false. Call with the saga locked.
     *
     * @param replacing an earlier resolution gives way to this one (staff paid the refund after resolving)
     */
    public boolean resolve(UUID orderId, Resolution resolution, boolean replacing) {
        return jdbc.sql("""
                        update saga_instance set resolved_at = :at, resolved_by = :by, resolution_note = :note
                         where order_id = :order and cardinality(attention) > 0
                           and (resolved_at is null or :replacing)""")
                .param("order", orderId).param("at", at(resolution.at())).param("by", resolution.by())
                .param("note", resolution.note()).param("replacing", replacing).update() == 1;
    }

    private static CheckoutReview review(ResultSet row, int n) throws SQLException {
        OffsetDateTime resolvedAt = row.getObject("resolved_at", OffsetDateTime.class);
        Resolution resolution = resolvedAt == null ? null
                : new Resolution(resolvedAt.toInstant(), row.getString("resolved_by"), row.getString("resolution_note"));
        return new CheckoutReview(read(row.getString("data")), null, null, null, resolution);
    }

    /** The saga's attention as a PostgreSQL array literal (enum names need no quoting). */
    private static String attention(SagaState saga) {
        return "{" + String.join(",", Attention.of(saga).stream().map(Enum::name).toList()) + "}";
    }

    private static SagaState read(String json) {
        return EventJson.read(json, SagaState.class);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
