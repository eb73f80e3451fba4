package io.tienda.order.saga.persistence;

import io.tienda.order.saga.domain.SagaState;
import io.tienda.platform.events.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
                        insert into saga_instance (order_id, step, deadline, attempts, data, created_at, updated_at)
                        values (:order, :step, :deadline, :attempts, cast(:data as jsonb), :now, :now)""")
                .param("order", saga.orderId()).param("step", saga.step().name())
                .param("deadline", at(saga.deadline())).param("attempts", saga.attempts())
                .param("data", EventJson.write(saga)).param("now", at(saga.updatedAt()))
                .update();
    }

    public void update(SagaState saga) {
        jdbc.sql("""
                        update saga_instance set step = :step, deadline = :deadline, attempts = :attempts,
                                                 data = cast(:data as jsonb), updated_at = :now, version = version + 1
                         where order_id = :order""")
                .param("order", saga.orderId()).param("step", saga.step().name())
                .param("deadline", at(saga.deadline())).param("attempts", saga.attempts())
                .param("data", EventJson.write(saga)).param("now", at(saga.updatedAt()))
                .update();
    }

    /** The order's saga, locked until this transaction ends. */
    public Optional<SagaState> lock(UUID orderId) {
        return jdbc.sql("select data from saga_instance where order_id = :order for update")
                .param("order", orderId).query(String.class).optional().map(SagaRepository::read);
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

    private static SagaState read(String json) {
        return EventJson.read(json, SagaState.class);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
