package io.tienda.returns.requests.persistence;

import io.tienda.platform.core.SqlFilter;
import io.tienda.returns.requests.domain.HeldUnits;
import io.tienda.returns.requests.domain.HistoryEntry;
import io.tienda.returns.requests.domain.ReturnLine;
import io.tienda.returns.requests.domain.ReturnReason;
import io.tienda.returns.requests.domain.ReturnRequest;
import io.tienda.returns.requests.domain.ReturnResolution;
import io.tienda.returns.requests.domain.ReturnStatus;
import io.tienda.returns.requests.domain.ReturnStore;
import io.tienda.returns.requests.domain.Settlement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Return requests, their lines and their history in PostgreSQL. */
@Repository
class JdbcReturnStore implements ReturnStore {

    private static final String FIELDS = "id, rma, order_id, order_number, customer_id, status, resolution, "
            + "reason, comment, refund_amount, currency, settlement, settlement_note, replacement_order_id, "
            + "created_at, updated_at";

    private static final String COLUMNS = "select " + FIELDS + " from return_requests";

    private final JdbcClient jdbc;

    JdbcReturnStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String nextRma(int year) {
        long next = jdbc.sql("select nextval('rma_seq')").query(Long.class).single();
        return String.format("RMA-%04d-%06d", year, next);
    }

    @Override
    public void insert(ReturnRequest request, String idempotencyKey, String fingerprint, HistoryEntry created) {
        jdbc.sql("""
                        insert into return_requests (id, rma, order_id, order_number, customer_id, status, resolution,
                                                     reason, comment, idempotency_key, request_fingerprint,
                                                     created_at, updated_at)
                        values (:id, :rma, :order, :number, :customer, :status, :resolution, :reason, :comment, :key,
                                :fingerprint, :at, :at)""")
                .param("id", request.id()).param("rma", request.rma()).param("order", request.orderId())
                .param("number", request.orderNumber()).param("customer", request.customerId())
                .param("status", request.status().name()).param("resolution", request.resolution().name())
                .param("reason", request.reason().name()).param("comment", request.comment())
                .param("key", idempotencyKey).param("fingerprint", fingerprint).param("at", at(request.createdAt()))
                .update();
        for (ReturnLine line : request.lines()) {
            jdbc.sql("""
                            insert into return_lines (return_id, line_no, sku, product_id, name, quantity, unit_price,
                                                      paid, reason, comment, exchange_sku)
                            values (:id, :no, :sku, :product, :name, :quantity, :price, :paid, :reason, :comment,
                                    :exchange)""")
                    .param("id", request.id()).param("no", line.lineNo()).param("sku", line.sku())
                    .param("product", line.productId()).param("name", line.name())
                    .param("quantity", line.quantity()).param("price", line.unitPrice()).param("paid", line.paid())
                    .param("reason", line.reason() == null ? null : line.reason().name())
                    .param("comment", line.comment()).param("exchange", line.exchangeSku())
                    .update();
        }
        append(request.id(), created);
    }

    @Override
    public void update(ReturnRequest request, HistoryEntry entry) {
        jdbc.sql("""
                        update return_requests
                           set status = :status, resolution = :resolution, customer_id = :customer, comment = :comment,
                               refund_amount = :refund, currency = :currency, settlement = :settlement,
                               settlement_note = :note, replacement_order_id = :replacement, updated_at = :at,
                               version = version + 1
                         where id = :id""")
                .param("id", request.id()).param("status", request.status().name())
                .param("resolution", request.resolution().name()).param("customer", request.customerId())
                .param("comment", request.comment()).param("refund", request.refundAmount())
                .param("currency", request.currency())
                .param("settlement", request.settlement() == null ? null : request.settlement().name())
                .param("note", request.settlementNote()).param("replacement", request.replacementOrderId())
                .param("at", at(request.updatedAt()))
                .update();
        for (ReturnLine line : request.lines()) {
            jdbc.sql("""
                            update return_lines set accepted_quantity = :accepted, restockable = :restockable,
                                                    comment = :comment
                             where return_id = :id and line_no = :no""")
                    .param("accepted", line.acceptedQuantity()).param("restockable", line.restockable())
                    .param("comment", line.comment()).param("id", request.id()).param("no", line.lineNo())
                    .update();
        }
        if (entry != null) {
            append(request.id(), entry);
        }
    }

    private void append(UUID id, HistoryEntry entry) {
        jdbc.sql("""
                        insert into return_status_history (return_id, from_status, to_status, at, actor, note)
                        values (:id, :from, :to, :at, :actor, :note)""")
                .param("id", id).param("from", entry.from() == null ? null : entry.from().name())
                .param("to", entry.to().name()).param("at", at(entry.at())).param("actor", entry.actor())
                .param("note", entry.note())
                .update();
    }

    @Override
    public Optional<ReturnRequest> find(UUID id) {
        return one(jdbc.sql(COLUMNS + " where id = :id").param("id", id));
    }

    @Override
    public Optional<ReturnRequest> lock(UUID id) {
        return one(jdbc.sql(COLUMNS + " where id = :id for update").param("id", id));
    }

    @Override
    public Optional<ReturnRequest> lockByReplacementOrder(UUID replacementOrderId) {
        return one(jdbc.sql(COLUMNS + " where replacement_order_id = :id for update").param("id", replacementOrderId));
    }

    @Override
    public Optional<Keyed> findByIdempotencyKey(String customerId, String idempotencyKey) {
        return jdbc.sql("select " + FIELDS + ", request_fingerprint from return_requests"
                        + " where customer_id = :customer and idempotency_key = :key")
                .param("customer", customerId).param("key", idempotencyKey)
                .query((rs, row) -> new Keyed(request(rs, row), rs.getString("request_fingerprint"))).optional()
                .map(keyed -> new Keyed(withLines(List.of(keyed.request())).get(0), keyed.fingerprint()));
    }

    private Optional<ReturnRequest> one(JdbcClient.StatementSpec query) {
        return query.query(JdbcReturnStore::request).optional().map(r -> withLines(List.of(r)).get(0));
    }

    @Override
    public Map<String, HeldUnits> heldByStandingReturns(UUID orderId) {
        Map<String, HeldUnits> held = new LinkedHashMap<>();
        // lines created before paid was kept count at their catalog price, what their refund falls back to
        jdbc.sql("""
                        select l.sku, sum(l.quantity) as units,
                               sum(coalesce(l.paid, l.unit_price * l.quantity, 0)) as paid
                          from return_lines l join return_requests r on r.id = l.return_id
                         where r.order_id = :order and r.status not in ('REJECTED', 'CANCELLED')
                         group by l.sku""")
                .param("order", orderId)
                .query((rs, row) -> held.put(rs.getString("sku"),
                        new HeldUnits(rs.getInt("units"), rs.getLong("paid"))))
                .list();
        return held;
    }

    @Override
    public List<HistoryEntry> history(UUID id) {
        return jdbc.sql("""
                        select from_status, to_status, at, actor, note from return_status_history
                         where return_id = :id order by at, seq""")
                .param("id", id)
                .query((rs, row) -> new HistoryEntry(
                        rs.getString("from_status") == null ? null : ReturnStatus.valueOf(rs.getString("from_status")),
                        ReturnStatus.valueOf(rs.getString("to_status")),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("note")))
                .list();
    }

    /** Newest first; the id breaks ties so that pages never overlap. */
    @Override
    public List<ReturnRequest> find(Filter filter, long offset, int limit) {
        SqlFilter sql = sql(filter);
        JdbcClient.StatementSpec query = jdbc.sql(COLUMNS + sql.where()
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .params(sql.params())
                .param("limit", limit)
                .param("offset", offset);
        return withLines(query.query(JdbcReturnStore::request).list());
    }

    @Override
    public long count(Filter filter) {
        SqlFilter sql = sql(filter);
        return jdbc.sql("select count(*) from return_requests" + sql.where()).params(sql.params())
                .query(Long.class).single();
    }

    @Override
    public List<UUID> lockOf(String customerId) {
        return jdbc.sql("select id from return_requests where customer_id = :customer order by id for update")
                .param("customer", customerId).query(UUID.class).list();
    }

    @Override
    public void refundAsked(UUID id, String refundKey, Instant at) {
        jdbc.sql("insert into refund_attempts (refund_key, return_id, asked_at) values (:key, :id, :at)"
                        + " on conflict (refund_key) do nothing")
                .param("key", refundKey).param("id", id).param("at", at(at)).update();
    }

    @Override
    public Optional<String> latestRefundKey(UUID id) {
        return jdbc.sql("select refund_key from refund_attempts where return_id = :id order by asked_at desc limit 1")
                .param("id", id).query(String.class).optional();
    }

    @Override
    public boolean paidTwice(UUID id, HistoryEntry entry) {
        int marked = jdbc.sql("update return_requests set paid_twice_at = :at where id = :id and paid_twice_at is null")
                .param("at", at(entry.at())).param("id", id).update();
        if (marked == 1) {
            append(id, entry);
        }
        return marked == 1;
    }

    @Override
    public void anonymiseActor(String userId, String replacement) {
        jdbc.sql("update return_status_history set actor = :replacement where actor = :user")
                .param("replacement", replacement).param("user", userId).update();
    }

    private static SqlFilter sql(Filter filter) {
        return new SqlFilter().equal("customer_id", "customerId", filter.customerId())
                .equal("status", "status", filter.status() == null ? null : filter.status().name())
                .equal("settlement", "settlement", filter.settlement() == null ? null : filter.settlement().name())
                .when(Boolean.TRUE.equals(filter.paidTwice()), "paid_twice_at is not null")
                .when(Boolean.FALSE.equals(filter.paidTwice()), "paid_twice_at is null");
    }

    /** Loads the lines of all the given requests in one query rather than one per request. */
    private List<ReturnRequest> withLines(List<ReturnRequest> requests) {
        if (requests.isEmpty()) {
            return requests;
        }
        Map<UUID, List<ReturnLine>> lines = jdbc.sql("""
                        select return_id, line_no, sku, product_id, name, quantity, unit_price, paid, reason, comment,
                               exchange_sku, accepted_quantity, restockable
                          from return_lines where return_id in (:ids)
                         order by return_id, line_no""")
                .param("ids", requests.stream().map(ReturnRequest::id).toList())
                .query((rs, row) -> Map.entry(rs.getObject("return_id", UUID.class), line(rs)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return requests.stream().map(r -> r.withLines(lines.getOrDefault(r.id(), List.of()))).toList();
    }

    private static ReturnLine line(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason");
        return new ReturnLine(rs.getInt("line_no"), rs.getString("sku"), rs.getString("product_id"),
                rs.getString("name"), rs.getInt("quantity"), rs.getObject("unit_price", Long.class),
                rs.getObject("paid", Long.class), reason == null ? null : ReturnReason.valueOf(reason), rs.getString("comment"),
                rs.getString("exchange_sku"), rs.getObject("accepted_quantity", Integer.class),
                rs.getObject("restockable", Boolean.class));
    }

    private static ReturnRequest request(ResultSet rs, int row) throws SQLException {
        String settlement = rs.getString("settlement");
        return new ReturnRequest(rs.getObject("id", UUID.class), rs.getString("rma"),
                rs.getObject("order_id", UUID.class), rs.getString("order_number"), rs.getString("customer_id"),
                ReturnStatus.valueOf(rs.getString("status")), ReturnResolution.valueOf(rs.getString("resolution")),
                ReturnReason.valueOf(rs.getString("reason")), rs.getString("comment"),
                rs.getObject("refund_amount", Long.class), rs.getString("currency"),
                settlement == null ? null : Settlement.valueOf(settlement), rs.getString("settlement_note"),
                rs.getObject("replacement_order_id", UUID.class), List.of(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
