package io.tienda.inventory.stock.persistence;

import io.tienda.inventory.stock.domain.AdjustmentReason;
import io.tienda.inventory.stock.domain.Movement;
import io.tienda.inventory.stock.domain.MovementKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** The ledger. Append only: a mistake is corrected by another movement, never by editing one. */
@Repository
public class MovementRepository {

    private final JdbcClient jdbc;

    MovementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID warehouseId, Movement movement) {
        jdbc.sql("""
                        insert into stock_movements (id, sku, warehouse_id, kind, on_hand_delta, reserved_delta,
                                                     reference, actor, reason, note, occurred_at)
                        values (:id, :sku, :warehouse, :kind, :onHand, :reserved, :reference, :actor, :reason, :note,
                                :at)""")
                .param("id", movement.id())
                .param("sku", movement.sku())
                .param("warehouse", warehouseId)
                .param("kind", movement.kind().name())
                .param("onHand", movement.onHandDelta())
                .param("reserved", movement.reservedDelta())
                .param("reference", movement.reference())
                .param("actor", movement.actor())
                .param("reason", movement.reason() == null ? null : movement.reason().name())
                .param("note", movement.note())
                .param("at", Timestamp.from(movement.occurredAt()))
                .update();
    }

    /** A SKU's movements, newest first; only one warehouse's when {@code warehouseCode} is given. */
    public List<Movement> find(String sku, String warehouseCode, long offset, int limit) {
        return jdbc.sql("""
                        select m.id, m.sku, w.code, m.kind, m.on_hand_delta, m.reserved_delta, m.reference, m.actor,
                               m.reason, m.note, m.occurred_at
                          from stock_movements m join warehouses w on w.id = m.warehouse_id
                         where m.sku = :sku and (cast(:code as text) is null or w.code = :code)
                         order by m.seq desc limit :limit offset :offset""")
                .param("sku", sku).param("code", warehouseCode)
                .param("limit", limit).param("offset", offset)
                .query(MovementRepository::movement)
                .list();
    }

    public long count(String sku, String warehouseCode) {
        return jdbc.sql("""
                        select count(*) from stock_movements m join warehouses w on w.id = m.warehouse_id
                         where m.sku = :sku and (cast(:code as text) is null or w.code = :code)""")
                .param("sku", sku).param("code", warehouseCode)
                .query(Long.class).single();
    }

    private static Movement movement(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("reason");
        return new Movement(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("code"),
                MovementKind.valueOf(rs.getString("kind")), rs.getInt("on_hand_delta"), rs.getInt("reserved_delta"),
                rs.getString("reference"), rs.getString("actor"),
                reason == null ? null : AdjustmentReason.valueOf(reason), rs.getString("note"),
                rs.getTimestamp("occurred_at").toInstant());
    }
}
