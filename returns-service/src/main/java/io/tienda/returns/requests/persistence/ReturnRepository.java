package io.tienda.returns.requests.persistence;

import io.tienda.returns.requests.domain.ReturnLine;
import io.tienda.returns.requests.domain.ReturnReason;
import io.tienda.returns.requests.domain.ReturnRequest;
import io.tienda.returns.requests.domain.ReturnResolution;
import io.tienda.returns.requests.domain.ReturnStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Return requests and their lines in PostgreSQL. */
@Repository
public class ReturnRepository {

    private final JdbcClient jdbc;

    ReturnRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Newest first; the id breaks ties so that pages never overlap.
     *
     * @param customerId only this customer's returns; null for everyone's
     */
    public List<ReturnRequest> find(String customerId, long offset, int limit) {
        JdbcClient.StatementSpec query = jdbc.sql("select id, order_id, customer_id, status, resolution, reason, "
                        + "comment, refund_amount, currency, created_at, updated_at from return_requests"
                        + where(customerId) + " order by created_at desc, id desc limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset);
        if (customerId != null) {
            query = query.param("customerId", customerId);
        }
        return withLines(query.query(ReturnRepository::request).list());
    }

    public long count(String customerId) {
        JdbcClient.StatementSpec query = jdbc.sql("select count(*) from return_requests" + where(customerId));
        if (customerId != null) {
            query = query.param("customerId", customerId);
        }
        return query.query(Long.class).single();
    }

    private static String where(String customerId) {
        return customerId == null ? "" : " where customer_id = :customerId";
    }

    /** Loads the lines of all the given requests in one query rather than one per request. */
    private List<ReturnRequest> withLines(List<ReturnRequest> requests) {
        if (requests.isEmpty()) {
            return requests;
        }
        Map<UUID, List<ReturnLine>> lines = jdbc.sql("""
                        select return_id, line_no, sku, quantity, exchange_sku
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
        return new ReturnLine(rs.getInt("line_no"), rs.getString("sku"), rs.getInt("quantity"),
                rs.getString("exchange_sku"));
    }

    private static ReturnRequest request(ResultSet rs, int row) throws SQLException {
        long refund = rs.getLong("refund_amount");
        Long refundAmount = rs.wasNull() ? null : refund;
        return new ReturnRequest(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getString("customer_id"), ReturnStatus.valueOf(rs.getString("status")),
                ReturnResolution.valueOf(rs.getString("resolution")), ReturnReason.valueOf(rs.getString("reason")),
                rs.getString("comment"), refundAmount, rs.getString("currency"), List.of(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
