package io.tienda.inventory.warehouse.persistence;

import io.tienda.inventory.warehouse.domain.Warehouse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Warehouses in PostgreSQL. */
@Repository
public class WarehouseRepository {

    private static final String COLUMNS =
            "select id, code, name, priority, active, recompute_after is not null as pending from warehouses";

    private final JdbcClient jdbc;

    WarehouseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By code, which is unique. */
    public List<Warehouse> find(Boolean active, long offset, int limit) {
        return jdbc.sql(COLUMNS + " where (cast(:active as boolean) is null or active = :active)"
                        + " order by code limit :limit offset :offset")
                .param("active", active)
                .param("limit", limit)
                .param("offset", offset)
                .query(WarehouseRepository::warehouse)
                .list();
    }

    public long count(Boolean active) {
        return jdbc.sql("select count(*) from warehouses where (cast(:active as boolean) is null or active = :active)")
                .param("active", active).query(Long.class).single();
    }

    public Optional<Warehouse> findByCode(String code) {
        return jdbc.sql(COLUMNS + " where code = :code").param("code", code)
                .query(WarehouseRepository::warehouse).optional();
    }

    /** Locks the warehouse, so that two changes of one warehouse apply one after the other. */
    public Optional<Warehouse> lockByCode(String code) {
        return jdbc.sql(COLUMNS + " where code = :code for no key update").param("code", code)
                .query(WarehouseRepository::warehouse).optional();
    }

    /** False when the code is taken. */
    public boolean insert(Warehouse warehouse, Instant now) {
        return jdbc.sql("""
                        insert into warehouses (id, code, name, priority, active, created_at, updated_at)
                        values (:id, :code, :name, :priority, :active, :now, :now) on conflict (code) do nothing""")
                .param("id", warehouse.id()).param("code", warehouse.code()).param("name", warehouse.name())
                .param("priority", warehouse.priority()).param("active", warehouse.active())
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Writes the changeable fields; a close also records when it closed, which a reopen clears. */
    public void update(Warehouse warehouse, Instant now) {
        jdbc.sql("""
                        update warehouses set name = :name, priority = :priority, active = :active, updated_at = :now,
                                              closed_at = case when :active then null
                                                               when active then :now
                                                               else closed_at end
                         where id = :id""")
                .param("name", warehouse.name()).param("priority", warehouse.priority())
                .param("active", warehouse.active()).param("now", Timestamp.from(now)).param("id", warehouse.id())
                .update();
    }

    /**
     * Asks for the availability of every SKU the warehouse holds to be recomputed from the first SKU,
     * also when an earlier recompute was still under way: what it did was for the status before.
     */
    public void restartRecompute(UUID warehouseId) {
        jdbc.sql("update warehouses set recompute_after = '' where id = :id").param("id", warehouseId).update();
    }

    /**
     * Locks a warehouse whose recompute is pending and answers the last SKU done ({@code ""} before
     * the first). Empty when nothing is pending, or when another transaction holds the warehouse: a
     * batch of another instance, which carries on after it, a change of the warehouse, which starts
     * the recompute again once it commits, or a restock being received into it, after which the
     * sweeper carries on.
     */
    public Optional<String> lockPendingRecompute(UUID warehouseId) {
        return jdbc.sql("""
                        select recompute_after from warehouses where id = :id and recompute_after is not null
                        for no key update skip locked""")
                .param("id", warehouseId).query(String.class).optional();
    }

    /** Records how far the recompute got; {@code null} when it is done. The row must be locked. */
    public void recomputedUpTo(UUID warehouseId, String lastSku) {
        jdbc.sql("update warehouses set recompute_after = :last where id = :id")
                .param("last", lastSku).param("id", warehouseId).update();
    }

    /** The warehouses whose recompute is pending, e.g. left half done by an instance that stopped. */
    public List<UUID> pendingRecomputes() {
        return jdbc.sql("select id from warehouses where recompute_after is not null order by code")
                .query(UUID.class).list();
    }

    private static Warehouse warehouse(ResultSet rs, int row) throws SQLException {
        return new Warehouse(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getInt("priority"), rs.getBoolean("active"), rs.getBoolean("pending"));
    }
}
