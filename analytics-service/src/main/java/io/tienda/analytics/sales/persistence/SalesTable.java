package io.tienda.analytics.sales.persistence;

import io.tienda.analytics.clickhouse.ClickHouseTable;
import org.springframework.stereotype.Component;

/**
 * The sales fact table: one row per order line. ReplacingMergeTree collapses rows with the same
 * sorting key, and the key ends with (event_id, sku), so the lines of a redelivered event collapse
 * into the first ones; currency and day come first because every report filters on them. The
 * collapse happens in background merges, so readers use FINAL.
 */
@Component
class SalesTable implements ClickHouseTable {

    static final String NAME = "sales";

    @Override
    public String createStatement(String database) {
        return """
                CREATE TABLE IF NOT EXISTS %s.%s (
                    event_id UUID,
                    order_id UUID,
                    customer_id String,
                    sku String,
                    category_id String,
                    quantity UInt32,
                    unit_price Int64,
                    currency FixedString(3),
                    occurred_at DateTime('UTC')
                )
                ENGINE = ReplacingMergeTree()
                PARTITION BY toYYYYMM(occurred_at)
                ORDER BY (currency, toDate(occurred_at), event_id, sku)
                """.formatted(database, NAME);
    }
}
