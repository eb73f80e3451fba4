package io.tienda.payment.payments.persistence;

import io.tienda.payment.payments.domain.Refund;
import io.tienda.payment.payments.domain.RefundSource;
import io.tienda.payment.payments.domain.RefundStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Refunds in PostgreSQL. Always locked after their payment. */
@Repository
public class RefundRepository {

    private static final String COLUMNS = """
            select id, payment_id, refund_key, source, amount, currency, reason, status, provider_refund_id,
                   failure_reason, requested_by, created_at, updated_at
              from refunds""";

    private final JdbcClient jdbc;

    RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A refund already asked under this key, with the hash of the request it was asked with. */
    public record Keyed(Refund refund, String requestHash) {
    }

    public Optional<Keyed> byKey(UUID paymentId, String refundKey) {
        return jdbc.sql("""
                        select id, payment_id, refund_key, source, amount, currency, reason, status, provider_refund_id,
                               failure_reason, requested_by, created_at, updated_at, request_hash
                          from refunds where payment_id = :payment and refund_key = :key""")
                .param("payment", paymentId).param("key", refundKey)
                .query((rs, row) -> new Keyed(refund(rs, row), rs.getString("request_hash")))
                .optional();
    }

    public Optional<Refund> find(UUID id) {
        return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(RefundRepository::refund).optional();
    }

    public Optional<Refund> lock(UUID id) {
        return jdbc.sql(COLUMNS + " where id = :id for update").param("id", id).query(RefundRepository::refund)
                .optional();
    }

    public Optional<Refund> findByProviderId(String providerRefundId) {
        return jdbc.sql(COLUMNS + " where provider_refund_id = :pid").param("pid", providerRefundId)
                .query(RefundRepository::refund).optional();
    }

    /**
     * Money the provider said was refunded (a charge's refunded total) that no refund of its own
     * accounts for yet, oldest first: settled refunds made at the provider with no provider id.
     */
    public List<Refund> unattributed(UUID paymentId) {
        return unattributed(paymentId, null, null);
    }

    /**
     * The unattributed amounts (see {@link #unattributed(UUID)}) whose statement may have counted a refund
     * that was live at the provider from {@code from} to {@code until} (the provider's times, to the second):
     * those stated within that time, and those whose statement's time is not known. A null bound is not
     * known and limits nothing.
     */
    public List<Refund> unattributed(UUID paymentId, Instant from, Instant until) {
        var query = jdbc.sql(COLUMNS + " where payment_id = :payment and source = 'PROVIDER' and status = 'SUCCEEDED'"
                        + " and provider_refund_id is null"
                        + (from == null ? "" : " and (stated_at is null or stated_at >= :from)")
                        + (until == null ? "" : " and (stated_at is null or stated_at <= :until)")
                        + " order by created_at, id")
                .param("payment", paymentId);
        if (from != null) {
            query = query.param("from", Timestamp.from(from));
        }
        if (until != null) {
            query = query.param("until", Timestamp.from(until));
        }
        return query.query(RefundRepository::refund).list();
    }

    /**
     * What refunds the provider created and then failed or cancelled add up to: money a charge's
     * refunded total may have counted while they were pending or settled.
     */
    public long failedAtProvider(UUID paymentId) {
        return jdbc.sql("""
                        select coalesce(sum(amount), 0) from refunds
                         where payment_id = :payment and status = 'FAILED' and provider_refund_id is not null""")
                .param("payment", paymentId).query(Long.class).single();
    }

    /** An unattributed amount recognised as (part of) the provider's refund: it takes that refund's key, id and amount. */
    public void attribute(UUID id, String refundKey, String providerRefundId, long amount, Instant now) {
        jdbc.sql("""
                        update refunds set refund_key = :key, provider_refund_id = :pid, amount = :amount,
                                           updated_at = :now where id = :id""")
                .param("key", refundKey).param("pid", providerRefundId).param("amount", amount)
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** What is left of an unattributed amount once part of it was recognised as a named refund. */
    public void reduce(UUID id, long amount, Instant now) {
        jdbc.sql("update refunds set amount = :amount, updated_at = :now where id = :id")
                .param("amount", amount).param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** An unattributed amount wholly recognised as named refunds: nothing of it is left to show. */
    public void delete(UUID id) {
        jdbc.sql("delete from refunds where id = :id").param("id", id).update();
    }

    /**
     * Part of a refund's money that payment.events announced as refunded under another id: that of the
     * unnamed amount a charge's refunded total brought in before the refund's own event named it.
     */
    public record Part(UUID announcedAs, long amount) {
    }

    /** Records that {@code amount} of the refund was announced as refunded under {@code announcedAs}. */
    public void addPart(UUID refundId, UUID announcedAs, long amount) {
        jdbc.sql("""
                        insert into refund_parts (refund_id, announced_as, amount) values (:refund, :announced, :amount)
                        on conflict (refund_id, announced_as) do update set amount = refund_parts.amount + excluded.amount""")
                .param("refund", refundId).param("announced", announcedAs).param("amount", amount).update();
    }

    /** The parts of the refund announced as refunded under other ids (see {@link Part}). */
    public List<Part> parts(UUID refundId) {
        return jdbc.sql("select announced_as, amount from refund_parts where refund_id = :refund order by announced_as")
                .param("refund", refundId)
                .query((rs, row) -> new Part(rs.getObject("announced_as", UUID.class), rs.getLong("amount"))).list();
    }

    public List<Refund> ofPayment(UUID paymentId) {
        return jdbc.sql(COLUMNS + " where payment_id = :payment order by created_at, id").param("payment", paymentId)
                .query(RefundRepository::refund).list();
    }

    /**
     * Pending refunds the provider never acknowledged (its call got no answer) and last asked of it
     * before {@code quietSince}, oldest first; a younger one may still have its call under way.
     */
    public List<UUID> unacknowledged(Instant quietSince, int limit) {
        return jdbc.sql("""
                        select id from refunds where status = 'PENDING' and provider_refund_id is null
                           and source <> 'PROVIDER' and updated_at <= :quiet order by created_at limit :limit""")
                .param("quiet", Timestamp.from(quietSince)).param("limit", limit).query(UUID.class).list();
    }

    /** Marks the refund as just asked of the provider, under its row lock (see {@link #unacknowledged}). */
    public void touch(UUID id, Instant now) {
        jdbc.sql("update refunds set updated_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void insert(Refund refund, String requestHash) {
        insert(refund, requestHash, null);
    }

    /**
     * @param statedAt for an unnamed amount a charge's refunded total brought in, when the provider made that
     *                 statement (see {@link #unattributed(UUID, Instant, Instant)}); null if not known
     */
    public void insert(Refund refund, String requestHash, Instant statedAt) {
        jdbc.sql("""
                        insert into refunds (id, payment_id, refund_key, request_hash, source, amount, currency, reason,
                                             status, provider_refund_id, failure_reason, requested_by, created_at,
                                             updated_at, stated_at)
                        values (:id, :payment, :key, :hash, :source, :amount, :currency, :reason, :status, :pid,
                                :failure, :by, :now, :now, :stated)""")
                .param("stated", statedAt == null ? null : Timestamp.from(statedAt))
                .param("id", refund.id()).param("payment", refund.paymentId()).param("key", refund.refundKey())
                .param("hash", requestHash).param("source", refund.source().name()).param("amount", refund.amount())
                .param("currency", refund.currency()).param("reason", refund.reason())
                .param("status", refund.status().name()).param("pid", refund.providerRefundId())
                .param("failure", refund.failureReason()).param("by", refund.requestedBy())
                .param("now", Timestamp.from(refund.createdAt()))
                .update();
    }

    public void save(Refund refund) {
        jdbc.sql("""
                        update refunds set status = :status, provider_refund_id = :pid, failure_reason = :failure,
                                           updated_at = :now where id = :id""")
                .param("status", refund.status().name()).param("pid", refund.providerRefundId())
                .param("failure", refund.failureReason() == null || refund.failureReason().length() <= 1000
                        ? refund.failureReason() : refund.failureReason().substring(0, 1000))
                .param("now", Timestamp.from(refund.updatedAt())).param("id", refund.id())
                .update();
    }

    private static Refund refund(ResultSet rs, int row) throws SQLException {
        return new Refund(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
                rs.getString("refund_key"), RefundSource.valueOf(rs.getString("source")), rs.getLong("amount"),
                rs.getString("currency"), rs.getString("reason"), RefundStatus.valueOf(rs.getString("status")),
                rs.getString("provider_refund_id"), rs.getString("failure_reason"), rs.getString("requested_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
