package io.tienda.inventory.warehouse.persistence;

import io.tienda.inventory.warehouse.domain.Warehouse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** Warehouses in PostgreSQL. */
@Repository
public class WarehouseRepository {

    private final JdbcClient jdbc;

    WarehouseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By code, which is unique. */
    public List<Warehouse> find(long offset, int limit) {
        return jdbc.sql("select id, code, name, active from warehouses order by code limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new Warehouse(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("name"), rs.getBoolean("active")))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from warehouses").query(Long.class).single();
    }
}
