package io.tienda.inventory.forecast.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Committed sales from the ledger: the demand a forecast learns from. */
@Repository
public class SalesHistoryRepository {

    private final JdbcClient jdbc;

    SalesHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Units committed per UTC day in {@code [from, to)}, over every warehouse; days without sales are absent. */
    public Map<LocalDate, Integer> committedPerDay(String sku, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> sales = new LinkedHashMap<>();
        jdbc.sql("""
                        select cast(occurred_at at time zone 'UTC' as date) as day, sum(-on_hand_delta) as units
                          from stock_movements
                         where sku = :sku and kind = 'COMMIT' and occurred_at >= :from and occurred_at < :to
                         group by 1 order by 1""")
                .param("sku", sku)
                .param("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("to", Timestamp.from(to.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query(rs -> {
                    sales.put(rs.getObject("day", LocalDate.class), rs.getInt("units"));
                });
        return sales;
    }

    /** The UTC day of the SKU's first movement of any kind: before it, the SKU was not sold here at all. */
    public Optional<LocalDate> firstDay(String sku) {
        return jdbc.sql("""
                        select cast(min(occurred_at) at time zone 'UTC' as date) from stock_movements
                         where sku = :sku""")
                .param("sku", sku)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
                .single();
    }
}
