package io.tienda.inventory.stock.persistence;

import io.tienda.inventory.stock.domain.Availability;
import io.tienda.inventory.stock.domain.StockRegistry;
import io.tienda.inventory.stock.domain.StockKey;
import io.tienda.inventory.stock.domain.StockLevel;
import io.tienda.inventory.stock.domain.StockRow;
import io.tienda.platform.core.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Stock levels in PostgreSQL. "Low" is decided here, once, for both the filter and the answer.
 * Every lock is taken by one statement ordered by SKU, then warehouse id, so two transactions that
 * touch the same rows always queue in the same order and never wait for each other in a cycle.
 */
@Repository
public class StockRepository implements StockRegistry {

    private static final String LOW = "s.on_hand - s.reserved <= s.reorder_point";

    private static final String ROW = """
            select s.sku, s.warehouse_id, w.code, w.priority, w.active, s.on_hand, s.reserved, s.reorder_point,
                   s.reorder_quantity
              from stock s join warehouses w on w.id = s.warehouse_id
            """;

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Availability availability(String sku) {
        // A sum over no rows is null: a SKU nobody stocked is simply not available.
        long available = jdbc.sql("""
                        select coalesce(sum(s.on_hand - s.reserved), 0)
                          from stock s join warehouses w on w.id = s.warehouse_id
                         where s.sku = :sku and w.active""")
                .param("sku", sku)
                .query(Long.class)
                .single();
        return new Availability(sku, available);
    }

    /** Stock rows by SKU, then warehouse code. */
    public List<StockLevel> find(StockFilter filter, long offset, int limit) {
        SqlFilter where = where(filter);
        return jdbc.sql(ROW + where.where() + " order by s.sku, w.code limit :limit offset :offset")
                .params(where.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(StockRepository::row).list().stream().map(StockLevel::of).toList();
    }

    public long count(StockFilter filter) {
        SqlFilter where = where(filter);
        return jdbc.sql("select count(*) from stock s join warehouses w on w.id = s.warehouse_id" + where.where())
                .params(where.params())
                .query(Long.class).single();
    }

    /** The id of the warehouse with this code, active or not. */
    @Override
    public Optional<UUID> warehouseId(String code) {
        return jdbc.sql("select id from warehouses where code = :code")
                .param("code", code).query(UUID.class).optional();
    }

    /**
     * The active warehouse that ships first (lowest priority number, then code), if any is active,
     * share-locked until the transaction ends: a close locks the row {@code for no key update}, which
     * a {@code key share} lock would not hold off, but a share lock does. So a close waits for what is
     * put into the warehouse chosen here, and one under way is waited for, after which the warehouse
     * is no longer active and the next one is chosen.
     */
    public Optional<UUID> firstActiveWarehouse() {
        return jdbc.sql("select id from warehouses where active order by priority, code limit 1 for share")
                .query(UUID.class).optional();
    }

    /**
     * The closed warehouse that closed last (then by priority and code), share-locked like
     * {@link #firstActiveWarehouse()}: a reopen of it waits for what is put into it, and its recompute
     * then counts that. One reopening while this chooses is waited for and passed over, being open.
     */
    public Optional<UUID> lastClosedWarehouse() {
        return jdbc.sql("""
                        select id from warehouses where not active
                         order by closed_at desc nulls last, priority, code limit 1 for share""")
                .query(UUID.class).optional();
    }

    /** Units of the SKU on hand over all warehouses, active or not, as of now. */
    public long totalOnHand(String sku) {
        return jdbc.sql("select coalesce(sum(on_hand), 0) from stock where sku = :sku")
                .param("sku", sku).query(Long.class).single();
    }

    @Override
    public List<String> skusIn(UUID warehouseId, String after, int limit) {
        return jdbc.sql("""
                        select sku from stock where warehouse_id = :warehouse and sku > :after
                         order by sku limit :limit""")
                .param("warehouse", warehouseId).param("after", after).param("limit", limit)
                .query(String.class).list();
    }

    /** Locks the rows of these SKUs in active warehouses: the candidates for a reservation. */
    public List<StockRow> lockActive(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ROW + " where s.sku in (:skus) and w.active order by s.sku, s.warehouse_id for update of s")
                .param("skus", new TreeSet<>(skus))
                .query(StockRepository::row)
                .list();
    }

    /** Locks exactly these rows, wherever they are; missing rows are simply not returned. */
    public List<StockRow> lock(Collection<StockKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Object[]> pairs = new ArrayList<>();
        for (StockKey key : new TreeSet<>(keys)) {
            pairs.add(new Object[] {key.sku(), key.warehouseId()});
        }
        return jdbc.sql(ROW + " where (s.sku, s.warehouse_id) in (:keys)"
                        + " order by s.sku, s.warehouse_id for update of s")
                .param("keys", pairs)
                .query(StockRepository::row)
                .list();
    }

    /** Creates the rows that do not exist yet, empty, in key order. */
    public void createMissing(Collection<StockKey> keys, Instant now) {
        for (StockKey key : new TreeSet<>(keys)) {
            jdbc.sql("""
                            insert into stock (sku, warehouse_id, updated_at) values (:sku, :warehouse, :now)
                            on conflict (sku, warehouse_id) do nothing""")
                    .param("sku", key.sku()).param("warehouse", key.warehouseId())
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    /** Creates an empty row in {@code warehouseId} unless some warehouse already holds the SKU. */
    @Override
    public boolean registerIfUnknown(String sku, UUID warehouseId, Instant now) {
        return jdbc.sql("""
                        insert into stock (sku, warehouse_id, updated_at)
                        select :sku, :warehouse, :now where not exists (select 1 from stock where sku = :sku)
                        on conflict (sku, warehouse_id) do nothing""")
                .param("sku", sku).param("warehouse", warehouseId).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Writes a row's levels and reorder policy; the row must be locked by this transaction. */
    public void update(StockRow row, Instant now) {
        jdbc.sql("""
                        update stock set on_hand = :onHand, reserved = :reserved, reorder_point = :point,
                                         reorder_quantity = :quantity, updated_at = :now, version = version + 1
                         where sku = :sku and warehouse_id = :warehouse""")
                .param("onHand", row.onHand()).param("reserved", row.reserved())
                .param("point", row.reorderPoint()).param("quantity", row.reorderQuantity())
                .param("now", Timestamp.from(now))
                .param("sku", row.sku()).param("warehouse", row.warehouseId())
                .update();
    }

    private static SqlFilter where(StockFilter filter) {
        // starts_with, not LIKE: '_' is legal in a SKU and would be a wildcard
        return new SqlFilter().with(filter.skuPrefix(), "starts_with(s.sku, :prefix)", "prefix")
                .equal("w.code", "code", filter.warehouseCode())
                .when(filter.lowStock() != null, Boolean.TRUE.equals(filter.lowStock()) ? LOW : "not (" + LOW + ")");
    }

    static StockRow row(ResultSet rs, int row) throws SQLException {
        return new StockRow(rs.getString("sku"), rs.getObject("warehouse_id", UUID.class), rs.getString("code"),
                rs.getInt("priority"), rs.getBoolean("active"), rs.getInt("on_hand"), rs.getInt("reserved"),
                rs.getInt("reorder_point"), rs.getInt("reorder_quantity"));
    }
}
