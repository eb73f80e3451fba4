package io.tienda.inventory.stock.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The availability last published per SKU. Reading it takes the row's lock, which serialises
 * every transaction that changes the SKU from here to its commit: the next one waits, then sums
 * stock that includes this one's changes.
 */
@Repository
public class AvailabilityRepository {

    private final JdbcClient jdbc;

    AvailabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param available null when the SKU's availability was never published */
    public record Published(Integer available, long version) {
    }

    public Published lock(String sku, Instant now) {
        // An upsert that changes nothing still locks the row, and creates it the first time.
        return jdbc.sql("""
                        insert into sku_availability (sku, version, updated_at) values (:sku, 0, :now)
                        on conflict (sku) do update set sku = excluded.sku
                        returning available, version""")
                .param("sku", sku).param("now", Timestamp.from(now))
                .query((rs, row) -> new Published((Integer) rs.getObject("available"), rs.getLong("version")))
                .single();
    }

    /**
     * Sums on hand minus reserved over the active warehouses, as of now (not as of the transaction's
     * start). Movements keep a SKU's units within an int; stock from before that rule may exceed it,
     * and then counts as the most an int holds rather than failing every change of the SKU.
     */
    public int current(String sku) {
        long available = jdbc.sql("""
                        select coalesce(sum(s.on_hand - s.reserved), 0)
                          from stock s join warehouses w on w.id = s.warehouse_id
                         where s.sku = :sku and w.active""")
                .param("sku", sku).query(Long.class).single();
        return (int) Math.min(available, Integer.MAX_VALUE);
    }

    /** Records a new availability; answers its version. */
    public long publish(String sku, int available, Instant now) {
        return jdbc.sql("""
                        update sku_availability set available = :available, version = version + 1, updated_at = :now
                         where sku = :sku returning version""")
                .param("available", available).param("now", Timestamp.from(now)).param("sku", sku)
                .query(Long.class).single();
    }
}
