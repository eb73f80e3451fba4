package io.tienda.payment.payments.persistence;

import io.tienda.payment.payments.domain.NextAction;
import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.PaymentProvider;
import io.tienda.payment.payments.domain.PaymentStatus;
import io.tienda.payment.payments.domain.PendingAction;
import io.tienda.platform.core.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payments in PostgreSQL. A payment row is locked before its refunds. */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = """
            select id, order_id, customer_id, provider, status, amount, currency, created_at, updated_at,
                   provider_payment_id, idempotency_key, captured_amount, refunded_amount, refund_pending_amount,
                   refunded_outside_amount, capture_before, pending_action, pending_capture_amount, decline_code, failure_reason,
                   next_action_type, next_action_url, client_secret
              from payments""";

    /** Statuses that count for an order: at most one such payment per order (a partial unique index). */
    private static final String LIVE = "('PENDING', 'REQUIRES_ACTION', 'AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', "
            + "'REFUNDED')";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which payments to list.
     *
     * @param customerId only this customer's payments; null for everyone's
     * @param orderId    only this order's payments; null for all orders
     */
    public record Filter(String customerId, UUID orderId) {

        /** Only the conditions that apply, so each query can use its index. */
        SqlFilter sql() {
            return new SqlFilter().equal("customer_id", "customerId", customerId).equal("order_id", "orderId", orderId);
        }
    }

    /** Newest first; the id breaks ties so that pages never overlap. */
    public List<Payment> find(Filter filter, long offset, int limit) {
        SqlFilter sql = filter.sql();
        return jdbc.sql(COLUMNS + sql.where() + " order by created_at desc, id desc limit :limit offset :offset")
                .params(sql.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(PaymentRepository::payment)
                .list();
    }

    public long count(Filter filter) {
        SqlFilter sql = filter.sql();
        return jdbc.sql("select count(*) from payments" + sql.where())
                .params(sql.params())
                .query(Long.class)
                .single();
    }

    public Optional<Payment> find(UUID id) {
        return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(PaymentRepository::payment).optional();
    }

    /** The payment, locked until this transaction ends. */
    public Optional<Payment> lock(UUID id) {
        return jdbc.sql(COLUMNS + " where id = :id for update").param("id", id).query(PaymentRepository::payment)
                .optional();
    }

    /** The order's live payment (at most one), locked. */
    public Optional<Payment> lockLive(UUID orderId) {
        return jdbc.sql(COLUMNS + " where order_id = :order and status in " + LIVE + " for update")
                .param("order", orderId).query(PaymentRepository::payment).optional();
    }

    /** The order's live payment, else its latest attempt, locked. */
    public Optional<Payment> lockLatest(UUID orderId) {
        return jdbc.sql(COLUMNS + " where order_id = :order order by (status in " + LIVE + ") desc, created_at desc,"
                        + " id desc limit 1 for update")
                .param("order", orderId).query(PaymentRepository::payment).optional();
    }

    public Optional<Payment> lockByIdempotencyKey(String key) {
        return jdbc.sql(COLUMNS + " where idempotency_key = :key for update").param("key", key)
                .query(PaymentRepository::payment).optional();
    }

    public Optional<Payment> lockByProviderId(PaymentProvider provider, String providerPaymentId) {
        return jdbc.sql(COLUMNS + " where provider = :provider and provider_payment_id = :pid for update")
                .param("provider", provider.name()).param("pid", providerPaymentId)
                .query(PaymentRepository::payment).optional();
    }

    /**
     * Stores a new attempt unless its idempotency key is taken or its order already has a live
     * payment; answers whether it was stored. A concurrent insert for the same order waits for the
     * other transaction and then finds the order taken.
     */
    public boolean insert(Payment payment) {
        return jdbc.sql("""
                        insert into payments (id, order_id, customer_id, provider, status, amount, currency,
                                              idempotency_key, created_at, updated_at)
                        values (:id, :order, :customer, :provider, :status, :amount, :currency, :key, :now, :now)
                        on conflict do nothing""")
                .param("id", payment.id()).param("order", payment.orderId()).param("customer", payment.customerId())
                .param("provider", payment.provider().name()).param("status", payment.status().name())
                .param("amount", payment.amount()).param("currency", payment.currency())
                .param("key", payment.idempotencyKey()).param("now", Timestamp.from(payment.createdAt()))
                .update() == 1;
    }

    /**
     * Stores the payment's new state. The save that records its capture (whichever path records it:
     * the saga's command, the sweeper, a webhook) also gives it the next number of the year's invoice
     * series, in the same transaction, once.
     */
    public void save(Payment payment) {
        NextAction action = payment.nextAction();
        String invoiceNumber = payment.capturedAmount() > 0 && !numbered(payment.id())
                ? nextInvoiceNumber(payment.updatedAt()) : null;
        jdbc.sql("""
                        update payments set status = :status, provider_payment_id = :pid, captured_amount = :captured,
                               refunded_amount = :refunded, refund_pending_amount = :pending,
                               refunded_outside_amount = :outside,
                               capture_before = :captureBefore, pending_action = :pendingAction,
                               pending_capture_amount = :pendingCapture, decline_code = :decline,
                               failure_reason = :reason, next_action_type = :actionType, next_action_url = :actionUrl,
                               client_secret = :secret, updated_at = :now, version = version + 1,
                               captured_at = coalesce(captured_at, case when :captured > 0 then cast(:now as timestamptz) end),
                               invoice_number = coalesce(invoice_number, :invoice)
                         where id = :id""")
                .param("invoice", invoiceNumber)
                .param("status", payment.status().name()).param("pid", payment.providerPaymentId())
                .param("captured", payment.capturedAmount()).param("refunded", payment.refundedAmount())
                .param("pending", payment.refundPendingAmount()).param("outside", payment.refundedOutsideAmount())
                .param("captureBefore", payment.captureBefore() == null ? null : Timestamp.from(payment.captureBefore()))
                .param("pendingAction", payment.pendingAction() == null ? null : payment.pendingAction().name())
                .param("pendingCapture", payment.pendingCaptureAmount())
                .param("decline", payment.declineCode()).param("reason", truncate(payment.failureReason()))
                .param("actionType", action == null ? null : action.type())
                .param("actionUrl", action == null ? null : action.url())
                .param("secret", action == null ? null : action.clientSecret())
                .param("now", Timestamp.from(payment.updatedAt()))
                .param("id", payment.id())
                .update();
    }

    /**
     * Payments the sweeper must act on: a capture or void not yet confirmed by the provider and last
     * asked of it before {@code quietSince} (a younger one may still have its call under way), of an
     * authorisation or of a payment still waiting for 3-D Secure (which the saga may void); or a hold
     * that ends before {@code horizon} with nothing asked of it.
     */
    public List<UUID> dueForSweep(Instant horizon, Instant quietSince, int limit) {
        return jdbc.sql("""
                        select id from payments
                         where (status in ('AUTHORIZED', 'REQUIRES_ACTION') and pending_action is not null
                                and updated_at <= :quiet)
                            or (status = 'AUTHORIZED' and pending_action is null and capture_before <= :horizon)
                         order by capture_before nulls last, id limit :limit""")
                .param("horizon", Timestamp.from(horizon)).param("quiet", Timestamp.from(quietSince))
                .param("limit", limit)
                .query(UUID.class).list();
    }

    /**
     * Marks the payment as just asked of the provider, under its row lock: another sweeper (on this
     * replica or another) then leaves it alone until that call has had its time.
     */
    public void touch(UUID id, Instant now) {
        jdbc.sql("update payments set updated_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /**
     * When the payment's money was taken and the number of its invoice; empty until it is captured.
     *
     * @param formerNumber the number its invoice showed before the series, for payments captured before it
     */
    public record Invoicing(Instant capturedAt, String number, String formerNumber) {
    }

    public Optional<Invoicing> invoicing(UUID id) {
        return jdbc.sql("""
                        select captured_at, invoice_number, former_invoice_number from payments
                         where id = :id and captured_at is not null""")
                .param("id", id)
                .query((rs, row) -> new Invoicing(rs.getObject("captured_at", OffsetDateTime.class).toInstant(),
                        rs.getString("invoice_number"), rs.getString("former_invoice_number")))
                .optional();
    }

    /** Whether the payment has its invoice number already; locks its row (callers hold it already). */
    private boolean numbered(UUID id) {
        return jdbc.sql("select invoice_number is not null from payments where id = :id for update")
                .param("id", id).query(Boolean.class).optional().orElse(false);
    }

    /**
     * The next number of the year's series. The year's counter row stays locked until this
     * transaction ends, so concurrent captures take consecutive numbers one after the other, and a
     * capture that rolls back takes its increment with it: no number is skipped.
     */
    private String nextInvoiceNumber(Instant capturedAt) {
        int year = capturedAt.atOffset(ZoneOffset.UTC).getYear();
        jdbc.sql("insert into invoice_series (year, last_number) values (:year, 0) on conflict (year) do nothing")
                .param("year", year).update();
        long number = jdbc.sql("update invoice_series set last_number = last_number + 1 where year = :year"
                        + " returning last_number")
                .param("year", year).query(Long.class).single();
        return invoiceNumber(year, number);
    }

    /** {@code TIE-2026-000123}: the year and the number within it, at least six digits. */
    public static String invoiceNumber(int year, long number) {
        return String.format(java.util.Locale.ROOT, "TIE-%04d-%06d", year, number);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        String actionType = rs.getString("next_action_type");
        String pendingAction = rs.getString("pending_action");
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getString("customer_id"), PaymentProvider.valueOf(rs.getString("provider")),
                PaymentStatus.valueOf(rs.getString("status")), rs.getLong("amount"), rs.getString("currency"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("provider_payment_id"),
                rs.getString("idempotency_key"), rs.getLong("captured_amount"), rs.getLong("refunded_amount"),
                rs.getLong("refund_pending_amount"), rs.getLong("refunded_outside_amount"),
                instant(rs, "capture_before"),
                pendingAction == null ? null : PendingAction.valueOf(pendingAction), rs.getLong("pending_capture_amount"),
                rs.getString("decline_code"), rs.getString("failure_reason"),
                actionType == null ? null : new NextAction(actionType, rs.getString("next_action_url"),
                        rs.getString("client_secret")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
