package io.tienda.payment.payments.persistence;

import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.PaymentProvider;
import io.tienda.payment.payments.domain.PaymentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payments in PostgreSQL. */
@Repository
public class PaymentRepository {

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
        String where() {
            List<String> conditions = new ArrayList<>();
            if (customerId != null) {
                conditions.add("customer_id = :customerId");
            }
            if (orderId != null) {
                conditions.add("order_id = :orderId");
            }
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            if (customerId != null) {
                params.put("customerId", customerId);
            }
            if (orderId != null) {
                params.put("orderId", orderId);
            }
            return params;
        }
    }

    /** Newest first; the id breaks ties so that pages never overlap. */
    public List<Payment> find(Filter filter, long offset, int limit) {
        return jdbc.sql("select id, order_id, customer_id, provider, status, amount, currency, created_at, updated_at"
                        + " from payments" + filter.where()
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .params(filter.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(PaymentRepository::payment)
                .list();
    }

    public long count(Filter filter) {
        return jdbc.sql("select count(*) from payments" + filter.where())
                .params(filter.params())
                .query(Long.class)
                .single();
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getString("customer_id"), PaymentProvider.valueOf(rs.getString("provider")),
                PaymentStatus.valueOf(rs.getString("status")), rs.getLong("amount"), rs.getString("currency"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
