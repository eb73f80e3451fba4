package io.tienda.inventory.stock.persistence;

import io.tienda.inventory.stock.domain.Availability;
import io.tienda.inventory.stock.domain.StockLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Stock levels in PostgreSQL. "Low" is decided here, once, for both the filter and the answer. */
@Repository
public class StockRepository {

    private static final String LOW = "s.on_hand - s.reserved <= s.reorder_point";

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    /**
     * Stock rows by SKU, then warehouse code.
     *
     * @param lowStock true for the rows at or below their reorder point, false for the others, null for all
     */
    public List<StockLevel> find(Boolean lowStock, long offset, int limit) {
        return jdbc.sql("select s.sku, w.code, s.on_hand, s.reserved, s.reorder_point, s.reorder_quantity, "
                        + LOW + " as low_stock"
                        + " from stock s join warehouses w on w.id = s.warehouse_id" + where(lowStock)
                        + " order by s.sku, w.code limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(StockRepository::level)
                .list();
    }

    public long count(Boolean lowStock) {
        return jdbc.sql("select count(*) from stock s" + where(lowStock)).query(Long.class).single();
    }

    private static String where(Boolean lowStock) {
        if (lowStock == null) {
            return "";
        }
        return lowStock ? " where " + LOW : " where not (" + LOW + ")";
    }

    private static StockLevel level(ResultSet rs, int row) throws SQLException {
        int onHand = rs.getInt("on_hand");
        int reserved = rs.getInt("reserved");
        return new StockLevel(rs.getString("sku"), rs.getString("code"), onHand, reserved, onHand - reserved,
                rs.getInt("reorder_point"), rs.getInt("reorder_quantity"), rs.getBoolean("low_stock"));
    }
}
