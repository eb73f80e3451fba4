package io.tienda.inventory.support;

import io.tienda.platform.testing.http.TestApi;
import io.tienda.platform.testing.security.TestTokens;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Stock for one test: SKUs and warehouse codes no other test uses, received through the staff API
 * so that every unit on hand is explained by the ledger.
 */
public final class Fixtures {

    public static final String MADRID = "MAD-1";
    /** A second warehouse for split orders, created on first use with a lower priority than Madrid. */
    public static final String BARCELONA = "BCN-1";

    private final TestApi api;
    private final JdbcClient jdbc;
    private final String manager = TestTokens.staff("MANAGER");

    public Fixtures(TestApi api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A SKU no other test uses, e.g. {@code RSV-3F1D0C8E}. */
    public static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** A warehouse code no other test uses. */
    public static String warehouseCode() {
        return "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }

    public String manager() {
        return manager;
    }

    /** Barcelona, priority 20: after Madrid (10) when both can fill an order. */
    public String barcelona() {
        jdbc.sql("""
                        insert into warehouses (id, code, name, priority) values (:id, 'BCN-1', 'Barcelona port', 20)
                        on conflict (code) do nothing""")
                .param("id", UUID.randomUUID()).update();
        return BARCELONA;
    }

    public String warehouse(int priority) {
        String code = warehouseCode();
        api.post("/api/v1/warehouses", manager, Map.of("code", code, "name", "Test " + code, "priority", priority))
                .expect(201);
        return code;
    }

    public void receive(String sku, String warehouse, int quantity) {
        api.post("/api/v1/inventory/receipts", manager,
                Map.of("sku", sku, "warehouse", warehouse, "quantity", quantity)).expect(201);
    }

    public void reorderPolicy(String sku, String warehouse, int point, int quantity) {
        api.put("/api/v1/inventory/" + sku + "/reorder-policy", manager,
                Map.of("warehouse", warehouse, "reorderPoint", point, "reorderQuantity", quantity)).expect(200);
    }

    public record Level(int onHand, int reserved) {
    }

    public Level level(String sku, String warehouse) {
        return jdbc.sql("""
                        select s.on_hand, s.reserved from stock s join warehouses w on w.id = s.warehouse_id
                         where s.sku = :sku and w.code = :code""")
                .param("sku", sku).param("code", warehouse)
                .query((rs, row) -> new Level(rs.getInt("on_hand"), rs.getInt("reserved")))
                .single();
    }

    /** What the ledger says the row should hold: the sums of its movements. */
    public Level ledger(String sku, String warehouse) {
        return jdbc.sql("""
                        select coalesce(sum(m.on_hand_delta), 0) as on_hand,
                               coalesce(sum(m.reserved_delta), 0) as reserved
                          from stock_movements m join warehouses w on w.id = m.warehouse_id
                         where m.sku = :sku and w.code = :code""")
                .param("sku", sku).param("code", warehouse)
                .query((rs, row) -> new Level(rs.getInt("on_hand"), rs.getInt("reserved")))
                .single();
    }

    /** What the lines of held reservations hold of the row: its {@code reserved} should be the same. */
    public int heldByReservations(String sku, String warehouse) {
        return jdbc.sql("""
                        select coalesce(sum(l.quantity), 0) from reservation_lines l
                          join reservations r on r.order_id = l.order_id
                          join warehouses w on w.id = l.warehouse_id
                         where l.sku = :sku and w.code = :code and r.status = 'HELD'""")
                .param("sku", sku).param("code", warehouse).query(Integer.class).single();
    }

    public int movements(String sku, String kind) {
        return jdbc.sql("select count(*) from stock_movements where sku = :sku and kind = :kind")
                .param("sku", sku).param("kind", kind).query(Integer.class).single();
    }
}
