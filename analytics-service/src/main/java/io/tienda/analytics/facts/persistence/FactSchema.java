package io.tienda.analytics.facts.persistence;

import io.tienda.analytics.clickhouse.ClickHouseTable;
import io.tienda.analytics.clickhouse.ClickHouseTable.AddedColumn;
import io.tienda.analytics.facts.domain.FactTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fact tables. Each is a ReplacingMergeTree whose sorting key ends with the event id (and the
 * line number for order lines), so rows of a replayed event collapse in background merges; readers
 * do not wait for merges and read with FINAL. Partitions are months of the event time, which a
 * replay carries unchanged, so the copies of an event always meet in one partition. The statements
 * run on ClickHouse 18.16 and on current releases (no LowCardinality, no DateTime64, no Nullable).
 */
@Configuration(proxyBeanMethods = false)
class FactSchema {

    @Bean
    ClickHouseTable orderEventsTable() {
        return timeSeries(FactTables.ORDERS, """
                event_id UUID, type String, order_id UUID, customer_id String, cart_id String,
                total Int64, currency FixedString(3), units UInt32, stage UInt8, occurred_at DateTime('UTC')""",
                "toDate(occurred_at), event_id");
    }

    /**
     * What the shopper paid for the whole line, after offers and the coupon ({@code lineTotal} of the
     * event, else quantity times unit price). Tables of earlier versions gain it at start; their rows
     * read the DEFAULT, the catalog value, the only figure their events carried. Every writer sets it:
     * 18.16 fills a field a JSONEachRow insert omits with 0, not with the DEFAULT.
     */
    static final String LINE_TOTAL = "Int64 DEFAULT quantity * unit_price";

    @Bean
    ClickHouseTable orderLinesTable() {
        return timeSeries(FactTables.ORDER_LINES, """
                event_id UUID, line_no UInt16, order_id UUID, customer_id String, sku String, product_id String,
                name String, quantity UInt32, unit_price Int64, line_total %s, currency FixedString(3),
                occurred_at DateTime('UTC')""".formatted(LINE_TOTAL),
                "currency, toDate(occurred_at), event_id, line_no")
                .withAddedColumns(new AddedColumn(FactTables.ORDER_LINES, "line_total",
                        LINE_TOTAL + " AFTER unit_price"));
    }

    /**
     * The refund's id in payment-service, on {@code payment.refunded} and {@code payment.refund_failed}
     * rows: a failure cancels the refund announced under the same id (see ClickHouseReports). Tables of
     * earlier versions gain it at start; their rows read '' and match no failure until a backfill
     * writes them again with their ids.
     */
    static final String REFUND_ID = "String DEFAULT ''";

    @Bean
    ClickHouseTable paymentEventsTable() {
        return timeSeries(FactTables.PAYMENTS, """
                event_id UUID, type String, order_id UUID, payment_id String, refund_id %s, amount Int64,
                currency FixedString(3), occurred_at DateTime('UTC')""".formatted(REFUND_ID),
                "toDate(occurred_at), event_id")
                .withAddedColumns(new AddedColumn(FactTables.PAYMENTS, "refund_id", REFUND_ID + " AFTER payment_id"));
    }

    @Bean
    ClickHouseTable returnEventsTable() {
        return timeSeries(FactTables.RETURNS, """
                event_id UUID, type String, return_id UUID, order_id UUID, customer_id String, amount Int64,
                currency FixedString(3), units UInt32, occurred_at DateTime('UTC')""", "toDate(occurred_at), event_id");
    }

    @Bean
    ClickHouseTable cartEventsTable() {
        return timeSeries(FactTables.CARTS, """
                event_id UUID, type String, cart_id String, customer_id String, sku String, quantity UInt32,
                amount Int64, currency String, occurred_at DateTime('UTC')""", "toDate(occurred_at), event_id");
    }

    @Bean
    ClickHouseTable productEventsTable() {
        return database -> """
                CREATE TABLE IF NOT EXISTS %s.%s (
                    event_id UUID, type String, product_id String, name String, category_id String, brand_id String,
                    occurred_at DateTime('UTC')
                ) ENGINE = ReplacingMergeTree() ORDER BY (product_id, event_id)""".formatted(database, FactTables.PRODUCTS);
    }

    @Bean
    ClickHouseTable stockEventsTable() {
        return database -> """
                CREATE TABLE IF NOT EXISTS %s.%s (
                    event_id UUID, type String, sku String, warehouse String, on_hand Int32, available Int32,
                    reorder_point Int32, reorder_quantity Int32, version Int64, occurred_at DateTime('UTC')
                ) ENGINE = ReplacingMergeTree() ORDER BY (sku, event_id)""".formatted(database, FactTables.STOCK);
    }

    @Bean
    ClickHouseTable registrationsTable() {
        return timeSeries(FactTables.REGISTRATIONS, "event_id UUID, user_id UUID, occurred_at DateTime('UTC')",
                "toDate(occurred_at), event_id");
    }

    /**
     * One row per erased customer with the random id the reports read in place of theirs. Keyed by the
     * customer alone: the writer adds a row only for a customer it does not find, so an erasure
     * delivered again keeps the first replacement; should two writers race on one erasure (the live
     * listener and a backfill), merges and FINAL keep one row for every reader.
     */
    @Bean
    ClickHouseTable erasedCustomersTable() {
        return database -> """
                CREATE TABLE IF NOT EXISTS %s.%s (
                    customer_id String, replacement String, event_id UUID, occurred_at DateTime('UTC')
                ) ENGINE = ReplacingMergeTree() ORDER BY customer_id"""
                .formatted(database, FactTables.ERASED_CUSTOMERS);
    }

    private static ClickHouseTable timeSeries(String name, String columns, String key) {
        return database -> """
                CREATE TABLE IF NOT EXISTS %s.%s (
                    %s
                ) ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(occurred_at) ORDER BY (%s)"""
                .formatted(database, name, columns, key);
    }
}
