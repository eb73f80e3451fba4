package io.tienda.order.orders.persistence;

import io.tienda.order.orders.domain.CustomerErasure;
import io.tienda.order.orders.domain.CustomerErasure.ErasedText;
import io.tienda.order.orders.domain.NextAction;
import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.OrderFilter;
import io.tienda.order.orders.domain.OrderLine;
import io.tienda.order.orders.domain.OrderStatus;
import io.tienda.order.orders.domain.OrderTotals;
import io.tienda.order.orders.domain.Orders;
import io.tienda.order.orders.domain.Refund;
import io.tienda.order.orders.domain.ReplacedOrder;
import io.tienda.order.orders.domain.ShippingAddress;
import io.tienda.order.orders.domain.StatusChange;
import io.tienda.order.orders.domain.Tracking;
import io.tienda.order.orders.OrderChanges;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Orders, their lines and their history in PostgreSQL. */
@Repository
class JdbcOrders implements Orders {

    private static final String COLUMNS = """
            select id, number, customer_id, status, currency, subtotal, discount, shipping, tax, tax_included, total,
                   cart_id, coupon_code, payment_method, idempotency_key, request_hash,
                   ship_name, ship_line1, ship_line2, ship_city, ship_postcode, ship_country,
                   carrier, tracking_number, shipped_at, delivered_at,
                   next_action_type, next_action_url, next_action_client_secret, next_action_expires_at,
                   refund_status, refund_amount, refund_updated_at, address_erased_at, created_at, updated_at, version
              from orders""";

    /** The statuses of an order that has ended: an erasure takes its address at once. */
    private static final List<String> ENDED = Arrays.stream(OrderStatus.values()).filter(OrderStatus::isFinal)
            .map(Enum::name).toList();

    /** An order in transit: an erased customer's keeps its address only for a while (OrderProperties.Erasure). */
    private static final String SHIPPED = OrderStatus.SHIPPED.name();

    /** What erasing an order's address sets (migration V9): of the address, postcode and country stay. */
    private static final String ERASE_ADDRESS = """
            ship_name = null, ship_line1 = null, ship_line2 = null, ship_city = null, request_hash = null""";

    private final JdbcClient jdbc;
    /** Wakes the reads waiting for a change; a provider, since it reads versions through this class. */
    private final ObjectProvider<OrderChanges> changes;

    JdbcOrders(JdbcClient jdbc, ObjectProvider<OrderChanges> changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @Override
    public Order insert(Order order, UUID cartContentsId) {
        OrderTotals t = order.totals();
        ShippingAddress a = order.shippingAddress();
        String number = jdbc.sql("""
                        insert into orders (id, customer_id, status, currency, subtotal, discount, shipping, tax,
                                            tax_included, total, idempotency_key, request_hash, cart_id,
                                            cart_contents, cart_contents_id, coupon_code, payment_method, ship_name,
                                            ship_line1, ship_line2, ship_city, ship_postcode, ship_country, created_at,
                                            updated_at)
                        values (:id, :customer, :status, :currency, :subtotal, :discount, :shipping, :tax,
                                :taxIncluded, :total, :key, :hash, :cart, :contents, :contentsId, :coupon, :pm, :name,
                                :line1, :line2, :city, :postcode, :country, :created, :created)
                        returning number""")
                .param("id", order.id())
                .param("customer", order.customerId())
                .param("status", order.status().name())
                .param("currency", t.currency())
                .param("subtotal", t.subtotal())
                .param("discount", t.discount())
                .param("shipping", t.shipping())
                .param("tax", t.tax())
                .param("taxIncluded", t.taxIncluded())
                .param("total", t.total())
                .param("key", order.idempotencyKey())
                .param("hash", order.requestHash())
                .param("cart", order.cartId())
                .param("contents", order.cartContents())
                .param("contentsId", cartContentsId)
                .param("coupon", order.couponCode())
                .param("pm", order.paymentMethod())
                .param("name", a == null ? null : a.name())
                .param("line1", a == null ? null : a.line1())
                .param("line2", a == null ? null : a.line2())
                .param("city", a == null ? null : a.city())
                .param("postcode", a == null ? null : a.postcode())
                .param("country", a == null ? null : a.country())
                .param("created", at(order.createdAt()))
                .query(String.class)
                .single();
        for (OrderLine line : order.lines()) {
            jdbc.sql("""
                            insert into order_lines (order_id, line_no, sku, product_id, name, quantity, unit_price,
                                                     discount, line_total)
                            values (:order, :no, :sku, :product, :name, :quantity, :price, :discount, :total)""")
                    .param("order", order.id()).param("no", line.lineNo()).param("sku", line.sku())
                    .param("product", line.productId()).param("name", line.name())
                    .param("quantity", line.quantity()).param("price", line.unitPrice())
                    .param("discount", line.discount()).param("total", line.lineTotal())
                    .update();
        }
        insertHistory(order);
        return order.stored(number, 0);
    }

    @Override
    public Map<UUID, Long> versions(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, version from orders where id in (:ids)").param("ids", ids)
                .query((rs, row) -> Map.entry(rs.getObject("id", UUID.class), rs.getLong("version")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public Order save(Order order) {
        Tracking tracking = order.tracking();
        NextAction action = order.nextAction();
        Refund refund = order.refund();
        int updated = jdbc.sql("""
                        update orders set status = :status, carrier = :carrier, tracking_number = :tracking,
                                          shipped_at = :shipped, delivered_at = :delivered,
                                          next_action_type = :actionType, next_action_url = :actionUrl,
                                          next_action_client_secret = :actionSecret,
                                          next_action_expires_at = :actionExpires,
                                          refund_status = :refundStatus, refund_amount = :refundAmount,
                                          refund_updated_at = :refundUpdated,
                                          updated_at = :updated,
                                          version = version + 1
                         where id = :id and version = :version""")
                .param("status", order.status().name())
                .param("carrier", tracking == null ? null : tracking.carrier())
                .param("tracking", tracking == null ? null : tracking.trackingNumber())
                .param("shipped", tracking == null ? null : at(tracking.shippedAt()))
                .param("delivered", at(order.deliveredAt()))
                .param("actionType", action == null ? null : action.type())
                .param("actionUrl", action == null ? null : action.url())
                .param("actionSecret", action == null ? null : action.clientSecret())
                .param("actionExpires", action == null ? null : at(action.expiresAt()))
                .param("refundStatus", refund == null ? null : refund.status().name())
                .param("refundAmount", refund == null ? null : refund.amount())
                .param("refundUpdated", refund == null ? null : at(refund.updatedAt()))
                .param("updated", at(order.updatedAt()))
                .param("id", order.id())
                .param("version", order.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("order " + order.id() + " changed since it was read");
        }
        insertHistory(order);
        changes.ifAvailable(waits -> waits.stored(order.id(), order.version() + 1));
        Order saved = order.stored(order.number(), order.version() + 1);
        return order.status().isFinal() && eraseIfCustomerErased(order)
                ? saved.withAddressErased().withCustomerTextErased() : saved;
    }

    /**
     * Erases the address, and the reasons the customer wrote, of an order that has just ended, when its customer
     * erased their account before.
     */
    private boolean eraseIfCustomerErased(Order order) {
        boolean erased = jdbc.sql("update orders o set " + ERASE_ADDRESS + """
                        , address_erased_at = coalesce(:at, now())
                         where o.id = :id and o.address_erased_at is null
                           and exists (select 1 from erased_customers e where e.customer_id = o.customer_id)""")
                .param("at", at(order.updatedAt()))
                .param("id", order.id())
                .update() == 1;
        if (erased) {
            eraseCustomerText(List.of(order.id()));
        }
        return erased;
    }

    /**
     * Replaces the reasons the customer wrote on these orders' moves (StatusChange#isWrittenBy: a move of their
     * own whose reason the service did not write) and answers what they were. Staff's and the checkout's moves
     * have other actors and keep theirs.
     */
    private List<ErasedText> eraseCustomerText(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        update order_status_history h set reason = :erased
                          from (select c.order_id, c.seq, c.reason
                                  from order_status_history c join orders o on o.id = c.order_id
                                 where c.order_id in (:ids) and c.actor = o.customer_id and c.reason is not null
                                   and c.reason not in (:service)) written
                         where h.order_id = written.order_id and h.seq = written.seq
                        returning h.order_id, written.reason""")
                .param("erased", StatusChange.ERASED).param("ids", orderIds)
                .param("service", StatusChange.WRITTEN_BY_THE_SERVICE)
                .query((rs, row) -> new ErasedText(rs.getObject("order_id", UUID.class), rs.getString("reason")))
                .list();
    }

    @Override
    public CustomerErasure eraseCustomer(String customerId, Instant erasedAt, Instant now, Instant shippedBefore) {
        // The customer's orders are locked first: a move that ends one of them either commits before (and its
        // order is found ended below) or waits for this erasure to commit (and then finds it recorded).
        jdbc.sql("select id from orders where customer_id = :customer order by id for update")
                .param("customer", customerId).query(UUID.class).list();
        jdbc.sql("""
                        insert into erased_customers (customer_id, erased_at) values (:customer, :erasedAt)
                        on conflict (customer_id) do nothing""")
                .param("customer", customerId).param("erasedAt", at(erasedAt))
                .update();
        List<Map.Entry<UUID, Long>> erased = jdbc.sql("update orders set " + ERASE_ADDRESS + """
                        , address_erased_at = :now, updated_at = :now, version = version + 1
                         where customer_id = :customer and address_erased_at is null
                           and (status in (:ended) or status = :shipped and shipped_at <= :shippedBefore)
                        returning id, version""")
                .param("now", at(now)).param("customer", customerId).param("ended", ENDED)
                .param("shipped", SHIPPED).param("shippedBefore", at(shippedBefore))
                .query((rs, row) -> Map.entry(rs.getObject("id", UUID.class), rs.getLong("version")))
                .list();
        List<ErasedText> texts = eraseCustomerText(erased.stream().map(Map.Entry::getKey).toList());
        erased.forEach(order -> changes.ifAvailable(waits -> waits.stored(order.getKey(), order.getValue())));
        return new CustomerErasure(erased.size(), texts);
    }

    @Override
    public boolean isErased(String customerId) {
        return jdbc.sql("select exists (select 1 from erased_customers where customer_id = :customer)")
                .param("customer", customerId).query(Boolean.class).single();
    }

    @Override
    public List<UUID> idsOf(String customerId) {
        return jdbc.sql("select id from orders where customer_id = :customer order by id")
                .param("customer", customerId).query(UUID.class).list();
    }

    @Override
    public List<UUID> shippedAddressesDue(Instant shippedBefore, int limit) {
        return jdbc.sql("""
                        select o.id from orders o
                         where o.status = :shipped and o.shipped_at <= :shippedBefore and o.address_erased_at is null
                           and exists (select 1 from erased_customers e where e.customer_id = o.customer_id)
                         order by o.shipped_at limit :limit""")
                .param("shipped", SHIPPED).param("shippedBefore", at(shippedBefore)).param("limit", limit)
                .query(UUID.class).list();
    }

    @Override
    public boolean eraseShippedAddress(UUID id, Instant shippedBefore, Instant now) {
        Optional<Long> version = jdbc.sql("""
                        select o.version from orders o
                         where o.id = :id and o.status = :shipped and o.shipped_at <= :shippedBefore
                           and o.address_erased_at is null
                           and exists (select 1 from erased_customers e where e.customer_id = o.customer_id)
                           for update of o skip locked""")
                .param("id", id).param("shipped", SHIPPED).param("shippedBefore", at(shippedBefore))
                .query(Long.class).optional();
        if (version.isEmpty()) {
            return false;
        }
        jdbc.sql("update orders set " + ERASE_ADDRESS + """
                        , address_erased_at = :now, updated_at = :now, version = version + 1 where id = :id""")
                .param("now", at(now)).param("id", id).update();
        changes.ifAvailable(waits -> waits.stored(id, version.get() + 1));
        return true;
    }

    @Override
    public void markReplacement(UUID orderId, UUID originalOrderId, String reference) {
        jdbc.sql("update orders set replaces_order_id = :original, reference = :reference where id = :id")
                .param("id", orderId).param("original", originalOrderId).param("reference", reference)
                .update();
    }

    @Override
    public Optional<ReplacedOrder> findReplaced(UUID orderId) {
        return jdbc.sql("""
                        select o.replaces_order_id, original.number, o.reference
                          from orders o join orders original on original.id = o.replaces_order_id
                         where o.id = :id""")
                .param("id", orderId)
                .query((rs, row) -> new ReplacedOrder(rs.getObject("replaces_order_id", UUID.class),
                        rs.getString("number"), rs.getString("reference")))
                .optional();
    }

    @Override
    public Optional<Order> find(UUID id) {
        return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(JdbcOrders::order).optional()
                .map(order -> complete(List.of(order)).get(0));
    }

    @Override
    public List<Order> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return complete(jdbc.sql(COLUMNS + " where id in (:ids)").param("ids", List.copyOf(ids))
                .query(JdbcOrders::order).list());
    }

    @Override
    public Optional<Order> findByIdempotencyKey(String customerId, String idempotencyKey) {
        return jdbc.sql(COLUMNS + " where customer_id = :customer and idempotency_key = :key")
                .param("customer", customerId).param("key", idempotencyKey)
                .query(JdbcOrders::order).optional()
                .map(order -> complete(List.of(order)).get(0));
    }

    /** Served by the unique index orders_one_pending_checkout_per_cart (V11). */
    @Override
    public Optional<Order> findPendingFromSameCart(Order order) {
        String contents = order.cartContents();
        if (contents == null) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " where customer_id = :customer and cart_id = :cart and cart_contents = :contents"
                        + " and status = :pending and id <> :id")
                .param("customer", order.customerId()).param("cart", order.cartId()).param("contents", contents)
                .param("pending", OrderStatus.PENDING.name()).param("id", order.id())
                .query(JdbcOrders::order).optional()
                .map(found -> complete(List.of(found)).get(0));
    }

    /** Served by the unique index orders_one_order_per_cart_contents (V12). */
    @Override
    public Optional<Order> findPlacedFromCartContents(String customerId, String cartId, UUID cartContentsId) {
        if (cartId == null || cartContentsId == null) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " where customer_id = :customer and cart_id = :cart"
                        + " and cart_contents_id = :contentsId and status in (:live)")
                .param("customer", customerId).param("cart", cartId).param("contentsId", cartContentsId)
                .param("live", List.of(OrderStatus.PENDING.name(), OrderStatus.CONFIRMED.name(),
                        OrderStatus.SHIPPED.name(), OrderStatus.DELIVERED.name()))
                .query(JdbcOrders::order).optional()
                .map(found -> complete(List.of(found)).get(0));
    }

    /** Newest first; the id breaks ties so that pages never overlap. */
    @Override
    public List<Order> search(OrderFilter filter, long offset, int limit) {
        Where where = where(filter);
        JdbcClient.StatementSpec query = jdbc.sql(COLUMNS + where.sql
                + " order by created_at desc, id desc limit :limit offset :offset");
        where.params.forEach(query::param);
        return complete(query.param("limit", limit).param("offset", offset).query(JdbcOrders::order).list());
    }

    @Override
    public long count(OrderFilter filter) {
        Where where = where(filter);
        JdbcClient.StatementSpec query = jdbc.sql("select count(*) from orders" + where.sql);
        where.params.forEach(query::param);
        return query.query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(OrderFilter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (filter.customerId() != null) {
            clauses.add("customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.status() != null) {
            clauses.add("status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.from() != null) {
            clauses.add("created_at >= :from");
            params.put("from", at(filter.from()));
        }
        if (filter.to() != null) {
            clauses.add("created_at < :to");
            params.put("to", at(filter.to()));
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    private void insertHistory(Order order) {
        for (StatusChange change : order.history()) {
            jdbc.sql("""
                            insert into order_status_history (order_id, seq, from_status, to_status, at, actor, reason)
                            values (:order, :seq, :from, :to, :at, :actor, :reason)
                            on conflict (order_id, seq) do nothing""")
                    .param("order", order.id()).param("seq", change.seq())
                    .param("from", change.from() == null ? null : change.from().name())
                    .param("to", change.to().name()).param("at", at(change.at()))
                    .param("actor", change.actor()).param("reason", change.reason())
                    .update();
        }
    }

    /** Loads the lines and history of all the given orders in two queries rather than two per order. */
    private List<Order> complete(List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        List<UUID> ids = orders.stream().map(Order::id).toList();
        Map<UUID, List<OrderLine>> lines = grouped(jdbc.sql("""
                        select order_id, line_no, sku, product_id, name, quantity, unit_price, discount, line_total
                          from order_lines where order_id in (:ids) order by order_id, line_no""")
                .param("ids", ids)
                .query((rs, row) -> Map.entry(rs.getObject("order_id", UUID.class), line(rs)))
                .list());
        Map<UUID, List<StatusChange>> history = grouped(jdbc.sql("""
                        select order_id, seq, from_status, to_status, at, actor, reason
                          from order_status_history where order_id in (:ids) order by order_id, seq""")
                .param("ids", ids)
                .query((rs, row) -> Map.entry(rs.getObject("order_id", UUID.class), change(rs)))
                .list());
        return orders.stream()
                .map(order -> order.withLines(lines.getOrDefault(order.id(), List.of()))
                        .withHistory(history.getOrDefault(order.id(), List.of())))
                .toList();
    }

    private static <T> Map<UUID, List<T>> grouped(List<Map.Entry<UUID, T>> rows) {
        return rows.stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        OrderTotals totals = new OrderTotals(rs.getString("currency"), rs.getLong("subtotal"),
                rs.getLong("discount"), rs.getLong("shipping"), rs.getLong("tax"), rs.getBoolean("tax_included"),
                rs.getLong("total"));
        ShippingAddress address;
        if (rs.getObject("address_erased_at") != null) {
            address = rs.getString("ship_country") == null ? null
                    : ShippingAddress.erased(rs.getString("ship_postcode"), rs.getString("ship_country"));
        } else {
            address = rs.getString("ship_line1") == null ? null
                    : new ShippingAddress(rs.getString("ship_name"), rs.getString("ship_line1"),
                            rs.getString("ship_line2"), rs.getString("ship_city"), rs.getString("ship_postcode"),
                            rs.getString("ship_country"));
        }
        Tracking tracking = rs.getString("tracking_number") == null ? null
                : new Tracking(rs.getString("carrier"), rs.getString("tracking_number"), instant(rs, "shipped_at"));
        NextAction action = rs.getString("next_action_type") == null ? null
                : new NextAction(rs.getString("next_action_type"), rs.getString("next_action_url"),
                        rs.getString("next_action_client_secret"), instant(rs, "next_action_expires_at"));
        Refund refund = rs.getString("refund_status") == null ? null
                : new Refund(Refund.Status.valueOf(rs.getString("refund_status")), rs.getLong("refund_amount"),
                        instant(rs, "refund_updated_at"));
        return new Order(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("customer_id"),
                OrderStatus.valueOf(rs.getString("status")), totals, List.of(), address,
                rs.getString("payment_method"), rs.getString("cart_id"), rs.getString("coupon_code"),
                rs.getString("idempotency_key"), rs.getString("request_hash"), tracking, instant(rs, "delivered_at"),
                action, refund, List.of(), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static OrderLine line(ResultSet rs) throws SQLException {
        return new OrderLine(rs.getInt("line_no"), rs.getString("sku"), rs.getString("product_id"),
                rs.getString("name"), rs.getInt("quantity"), rs.getLong("unit_price"), rs.getLong("discount"),
                rs.getLong("line_total"));
    }

    private static StatusChange change(ResultSet rs) throws SQLException {
        Function<String, OrderStatus> status = s -> s == null ? null : OrderStatus.valueOf(s);
        return new StatusChange(rs.getInt("seq"), status.apply(rs.getString("from_status")),
                status.apply(rs.getString("to_status")), instant(rs, "at"), rs.getString("actor"),
                rs.getString("reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
