package io.tienda.analytics.facts.persistence;

import io.tienda.analytics.clickhouse.ClickHouse;
import io.tienda.analytics.facts.domain.FactStore;
import io.tienda.analytics.facts.domain.FactTables;
import io.tienda.analytics.facts.domain.Facts;
import io.tienda.analytics.facts.domain.Facts.Fact;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes facts with one JSONEachRow insert per table and batch. Before inserting, it asks each table
 * which of the batch's event ids it already holds (narrowed to the batch's time span, which a
 * replayed event keeps) and leaves those out, so a redelivered or replayed event is not stored
 * again. Two writers racing on the same event can still both insert; the ReplacingMergeTree key and
 * FINAL on every read cover that case.
 */
@Repository
class ClickHouseFactStore implements FactStore {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String NO_ID = new UUID(0, 0).toString();

    private final ClickHouse clickHouse;

    ClickHouseFactStore(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    @Override
    public int append(List<Fact> facts) {
        Map<String, List<Fact>> byTable = facts.stream()
                .collect(Collectors.groupingBy(Fact::table, LinkedHashMap::new, Collectors.toList()));
        int written = 0;
        for (Map.Entry<String, List<Fact>> entry : byTable.entrySet()) {
            List<Fact> fresh = entry.getKey().equals(FactTables.ERASED_CUSTOMERS) ? notErasedYet(entry.getValue())
                    : withoutStored(entry.getKey(), entry.getValue());
            clickHouse.insert(entry.getKey(), fresh.stream().map(ClickHouseFactStore::row).toList());
            written += fresh.size();
        }
        return written;
    }

    @Override
    public void truncateAll() {
        for (String table : FactTables.ALL) {
            clickHouse.execute("TRUNCATE TABLE " + clickHouse.database() + "." + table);
        }
    }

    /**
     * The facts of events the table does not hold yet. An event's rows are written together, so an
     * event found at all is found whole. Copies within one batch are removed before (see Ingestion).
     */
    private List<Fact> withoutStored(String table, List<Fact> facts) {
        Set<UUID> ids = facts.stream().map(Fact::eventId).collect(Collectors.toCollection(HashSet::new));
        Instant earliest = facts.stream().map(ClickHouseFactStore::time).min(Instant::compareTo).orElseThrow();
        Instant latest = facts.stream().map(ClickHouseFactStore::time).max(Instant::compareTo).orElseThrow();
        String list = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        // ids are UUIDs and times are formatted here: safe to inline (18.16 has no query parameters)
        List<JsonNode> stored = clickHouse.rows("""
                SELECT DISTINCT toString(event_id) AS id FROM %s.%s
                WHERE event_id IN (%s)
                  AND occurred_at >= toDateTime('%s', 'UTC') AND occurred_at <= toDateTime('%s', 'UTC')
                FORMAT JSONEachRow""".formatted(clickHouse.database(), table, list, DATE_TIME.format(earliest),
                DATE_TIME.format(latest)));
        Set<UUID> known = new HashSet<>();
        for (JsonNode row : stored) {
            known.add(UUID.fromString(row.get("id").asString()));
        }
        return facts.stream().filter(fact -> !known.contains(fact.eventId())).toList();
    }

    /**
     * The first erasure of each customer not erased yet. A customer found erased keeps the replacement
     * they were given, so an erasure delivered again, or a second one, changes nothing that was shown.
     */
    private List<Fact> notErasedYet(List<Fact> facts) {
        Map<String, Fact> byCustomer = new LinkedHashMap<>();
        for (Fact fact : facts) {
            byCustomer.putIfAbsent(((Facts.Erasure) fact).customerId(), fact);
        }
        // customer ids of erasures are user ids, UUIDs: safe to inline
        String list = byCustomer.keySet().stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        for (JsonNode row : clickHouse.rows("""
                SELECT DISTINCT customer_id FROM %s.%s WHERE customer_id IN (%s)
                FORMAT JSONEachRow""".formatted(clickHouse.database(), FactTables.ERASED_CUSTOMERS, list))) {
            byCustomer.remove(row.get("customer_id").asString());
        }
        return List.copyOf(byCustomer.values());
    }

    private static Instant time(Fact fact) {
        return fact.occurredAt();
    }

    private static Map<String, Object> row(Fact fact) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("event_id", fact.eventId().toString());
        if (fact instanceof Facts.Order f) {
            row.put("type", f.type());
            row.put("order_id", id(f.orderId()));
            row.put("customer_id", f.customerId());
            row.put("cart_id", f.cartId());
            row.put("total", f.total());
            row.put("currency", f.currency());
            row.put("units", f.units());
            row.put("stage", f.stage());
        } else if (fact instanceof Facts.OrderLine f) {
            row.put("line_no", f.lineNo());
            row.put("order_id", id(f.orderId()));
            row.put("customer_id", f.customerId());
            row.put("sku", f.sku());
            row.put("product_id", f.productId());
            row.put("name", f.name());
            row.put("quantity", f.quantity());
            row.put("unit_price", f.unitPrice());
            row.put("line_total", f.lineTotal());
            row.put("currency", f.currency());
        } else if (fact instanceof Facts.Payment f) {
            row.put("type", f.type());
            row.put("order_id", id(f.orderId()));
            row.put("payment_id", f.paymentId());
            row.put("refund_id", f.refundId());
            row.put("amount", f.amount());
            row.put("currency", f.currency());
        } else if (fact instanceof Facts.Return f) {
            row.put("type", f.type());
            row.put("return_id", id(f.returnId()));
            row.put("order_id", id(f.orderId()));
            row.put("customer_id", f.customerId());
            row.put("amount", f.amount());
            row.put("currency", f.currency());
            row.put("units", f.units());
        } else if (fact instanceof Facts.Cart f) {
            row.put("type", f.type());
            row.put("cart_id", f.cartId());
            row.put("customer_id", f.customerId());
            row.put("sku", f.sku());
            row.put("quantity", Math.max(0, f.quantity()));
            row.put("amount", f.amount());
            row.put("currency", f.currency());
        } else if (fact instanceof Facts.Product f) {
            row.put("type", f.type());
            row.put("product_id", f.productId());
            row.put("name", f.name());
            row.put("category_id", f.categoryId());
            row.put("brand_id", f.brandId());
        } else if (fact instanceof Facts.Stock f) {
            row.put("type", f.type());
            row.put("sku", f.sku());
            row.put("warehouse", f.warehouse());
            row.put("on_hand", f.onHand());
            row.put("available", f.available());
            row.put("reorder_point", f.reorderPoint());
            row.put("reorder_quantity", f.reorderQuantity());
            row.put("version", f.version());
        } else if (fact instanceof Facts.Registration f) {
            row.put("user_id", id(f.userId()));
        } else if (fact instanceof Facts.Erasure f) {
            // random, so that nothing leads back to the customer; prefixed like returns-service's
            row.put("customer_id", f.customerId());
            row.put("replacement", "erased:" + UUID.randomUUID());
        }
        row.put("occurred_at", DATE_TIME.format(time(fact)));
        return row;
    }

    private static String id(UUID id) {
        return id == null ? NO_ID : id.toString();
    }
}
