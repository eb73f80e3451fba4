package io.tienda.analytics.clickhouse;

/**
 * A table the service owns. Its statement must be idempotent ({@code CREATE TABLE IF NOT EXISTS})
 * and valid on ClickHouse 18.16 and on current releases.
 */
public interface ClickHouseTable {

    /** The CREATE statement, with the table qualified by {@code database}. */
    String createStatement(String database);
}
