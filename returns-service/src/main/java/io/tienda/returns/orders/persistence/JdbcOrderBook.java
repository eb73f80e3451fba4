package io.tienda.returns.orders.persistence;

import io.tienda.returns.orders.domain.CatalogVariant;
import io.tienda.returns.orders.domain.DeliveredOrder;
import io.tienda.returns.orders.domain.OrderBook;
import io.tienda.returns.orders.domain.OrderedLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Delivered orders and the catalog's SKUs in PostgreSQL. */
@Repository
class JdbcOrderBook implements OrderBook {

    private final JdbcClient jdbc;

    JdbcOrderBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean recordDelivered(DeliveredOrder order) {
        int inserted = jdbc.sql("""
                        insert into delivered_orders (order_id, order_number, customer_id, currency, delivered_at,
                                                      paid_order_id)
                        values (:id, :number, :customer, :currency, :at, :paidBy) on conflict (order_id) do nothing""")
                .param("id", order.orderId()).param("number", order.orderNumber()).param("paidBy", order.paidOrderId())
                .param("customer", order.customerId()).param("currency", order.currency())
                .param("at", order.deliveredAt().atOffset(ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (OrderedLine line : order.lines()) {
            jdbc.sql("""
                            insert into delivered_order_lines (order_id, sku, product_id, name, quantity, unit_price,
                                                               paid)
                            values (:id, :sku, :product, :name, :quantity, :price, :paid)""")
                    .param("id", order.orderId()).param("sku", line.sku()).param("product", line.productId())
                    .param("name", line.name()).param("quantity", line.quantity()).param("price", line.unitPrice())
                    .param("paid", line.paid())
                    .update();
            if (line.productId() != null) {
                recordProductSkus(line.productId(), List.of(line.sku()));
            }
        }
        return true;
    }

    @Override
    public Optional<DeliveredOrder> find(UUID orderId) {
        return load(orderId, "");
    }

    @Override
    public Optional<DeliveredOrder> lock(UUID orderId) {
        return load(orderId, " for update");
    }

    private Optional<DeliveredOrder> load(UUID orderId, String lock) {
        return jdbc.sql("select order_id, order_number, customer_id, currency, delivered_at, paid_order_id"
                        + " from delivered_orders where order_id = :id" + lock)
                .param("id", orderId)
                .query((rs, row) -> order(rs, List.of()))
                .optional()
                .map(order -> new DeliveredOrder(order.orderId(), order.orderNumber(), order.customerId(),
                        order.currency(), order.deliveredAt(), lines(orderId), order.paidOrderId()));
    }

    private List<OrderedLine> lines(UUID orderId) {
        return jdbc.sql("""
                        select sku, product_id, name, quantity, unit_price, paid from delivered_order_lines
                         where order_id = :id order by sku""")
                .param("id", orderId)
                .query((rs, row) -> new OrderedLine(rs.getString("sku"), rs.getString("product_id"),
                        rs.getString("name"), rs.getInt("quantity"), rs.getLong("unit_price"), rs.getLong("paid")))
                .list();
    }

    private static DeliveredOrder order(ResultSet rs, List<OrderedLine> lines) throws SQLException {
        return new DeliveredOrder(rs.getObject("order_id", UUID.class), rs.getString("order_number"),
                rs.getString("customer_id"), rs.getString("currency"),
                rs.getObject("delivered_at", OffsetDateTime.class).toInstant(), lines,
                rs.getObject("paid_order_id", UUID.class));
    }

    @Override
    public Optional<CatalogVariant> variant(String sku) {
        return jdbc.sql("select sku, product_id, price, currency, withdrawn from catalog_skus where sku = :sku")
                .param("sku", sku)
                .query((rs, row) -> new CatalogVariant(rs.getString("sku"), rs.getString("product_id"),
                        rs.getObject("price", Long.class), rs.getString("currency"), rs.getBoolean("withdrawn")))
                .optional();
    }

    @Override
    public void recordProductSkus(String productId, List<String> skus) {
        for (String sku : skus) {
            jdbc.sql("""
                            insert into catalog_skus (sku, product_id) values (:sku, :product)
                            on conflict (sku) do update set product_id = excluded.product_id""")
                    .param("sku", sku).param("product", productId).update();
        }
    }

    @Override
    public void recordPrices(String productId, List<String> skus, long price, String currency, boolean replace) {
        for (String sku : skus) {
            jdbc.sql("""
                            insert into catalog_skus (sku, product_id, price, currency)
                            values (:sku, :product, :price, :currency)
                            on conflict (sku) do update set product_id = excluded.product_id,
                                price = case when :replace or catalog_skus.price is null
                                             then excluded.price else catalog_skus.price end,
                                currency = case when :replace or catalog_skus.price is null
                                                then excluded.currency else catalog_skus.currency end""")
                    .param("sku", sku).param("product", productId).param("price", price)
                    .param("currency", currency).param("replace", replace).update();
        }
    }

    @Override
    public void recordWithdrawn(String productId, List<String> skus, boolean withdrawn, Instant announcedAt) {
        for (String sku : skus) {
            jdbc.sql("""
                            insert into catalog_skus (sku, product_id, withdrawn, withdrawn_changed_at)
                            values (:sku, :product, :withdrawn, :at)
                            on conflict (sku) do update set withdrawn = excluded.withdrawn,
                                withdrawn_changed_at = excluded.withdrawn_changed_at
                             where catalog_skus.withdrawn_changed_at is null
                                or catalog_skus.withdrawn_changed_at <= excluded.withdrawn_changed_at""")
                    .param("sku", sku).param("product", productId).param("withdrawn", withdrawn)
                    .param("at", announcedAt.atOffset(ZoneOffset.UTC)).update();
        }
    }

    @Override
    public void withdrawOthers(String productId, List<String> current, Instant announcedAt) {
        JdbcClient.StatementSpec update = jdbc.sql("""
                        update catalog_skus set withdrawn = true, withdrawn_changed_at = :at
                         where product_id = :product
                           and (withdrawn_changed_at is null or withdrawn_changed_at <= :at)"""
                        + (current.isEmpty() ? "" : " and sku not in (:current)"))
                .param("product", productId).param("at", announcedAt.atOffset(ZoneOffset.UTC));
        if (!current.isEmpty()) {
            update = update.param("current", current);
        }
        update.update();
    }

    /** Rows per statement: each batch is its own short transaction (their lines go by cascade). */
    private static final int FORGET_BATCH = 1_000;

    @Override
    public int forgetWithoutReturns(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            delete from delivered_orders where order_id in (
                                select d.order_id from delivered_orders d
                                 where d.delivered_at < :cutoff
                                   and not exists (select 1 from return_requests r where r.order_id = d.order_id)
                                 limit :batch)""")
                    .param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).param("batch", FORGET_BATCH).update();
            total += deleted;
        } while (deleted == FORGET_BATCH);
        return total;
    }

    @Override
    public int anonymise(String customerId, String replacement) {
        return jdbc.sql("update delivered_orders set customer_id = :replacement where customer_id = :customer")
                .param("replacement", replacement).param("customer", customerId).update();
    }

    /** The advisory lock space of erasures ({@code 'ERAS'}), the first key of each erasure's lock. */
    private static final int ERASURE_LOCKS = 0x45524153;

    /** The advisory lock of a customer's erasure, held until the transaction ends. */
    private void lockErasure(String customerId) {
        jdbc.sql("select pg_advisory_xact_lock(:erasures, hashtext(:customer))")
                .param("erasures", ERASURE_LOCKS).param("customer", customerId).query().singleRow();
    }

    @Override
    public Optional<String> erasedAs(String customerId) {
        lockErasure(customerId);
        return jdbc.sql("select replacement from erased_customers where customer_id = :customer")
                .param("customer", customerId).query(String.class).optional();
    }

    @Override
    public void recordErased(String customerId, String replacement) {
        lockErasure(customerId);
        jdbc.sql("""
                        insert into erased_customers (customer_id, replacement) values (:customer, :replacement)
                        on conflict (customer_id) do nothing""")
                .param("customer", customerId).param("replacement", replacement).update();
    }
}
