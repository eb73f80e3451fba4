package io.tienda.order.orders.persistence;

import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.OrderLine;
import io.tienda.order.orders.domain.OrderStatus;
import io.tienda.order.orders.domain.OrderTotals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Orders and their lines in PostgreSQL. */
@Repository
public class OrderRepository {

    private static final String ORDER_COLUMNS = """
            id, customer_id, status, currency, subtotal, discount, shipping, tax, total, created_at, updated_at""";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer's orders, newest first; the id breaks ties so that pages never overlap. */
    public List<Order> findByCustomer(String customerId, long offset, int limit) {
        List<Order> orders = jdbc.sql("select " + ORDER_COLUMNS + """
                         from orders where customer_id = :customerId
                        order by created_at desc, id desc
                        limit :limit offset :offset""")
                .param("customerId", customerId)
                .param("limit", limit)
                .param("offset", offset)
                .query(OrderRepository::order)
                .list();
        return withLines(orders);
    }

    public long countByCustomer(String customerId) {
        return jdbc.sql("select count(*) from orders where customer_id = :customerId")
                .param("customerId", customerId)
                .query(Long.class)
                .single();
    }

    public Optional<Order> findById(UUID id) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from orders where id = :id")
                .param("id", id)
                .query(OrderRepository::order)
                .optional()
                .map(order -> withLines(List.of(order)).get(0));
    }

    /** Loads the lines of all the given orders in one query rather than one per order. */
    private List<Order> withLines(List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<OrderLine>> lines = jdbc.sql("""
                        select order_id, line_no, sku, product_id, name, quantity, unit_price, line_total
                          from order_lines where order_id in (:ids)
                         order by order_id, line_no""")
                .param("ids", orders.stream().map(Order::id).toList())
                .query((rs, row) -> Map.entry(rs.getObject("order_id", UUID.class), line(rs)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return orders.stream().map(order -> order.withLines(lines.getOrDefault(order.id(), List.of()))).toList();
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        OrderTotals totals = new OrderTotals(rs.getString("currency"), rs.getLong("subtotal"),
                rs.getLong("discount"), rs.getLong("shipping"), rs.getLong("tax"), rs.getLong("total"));
        return new Order(rs.getObject("id", UUID.class), rs.getString("customer_id"),
                OrderStatus.valueOf(rs.getString("status")), totals, List.of(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OrderLine line(ResultSet rs) throws SQLException {
        return new OrderLine(rs.getInt("line_no"), rs.getString("sku"), rs.getString("product_id"),
                rs.getString("name"), rs.getInt("quantity"), rs.getLong("unit_price"), rs.getLong("line_total"));
    }
}
