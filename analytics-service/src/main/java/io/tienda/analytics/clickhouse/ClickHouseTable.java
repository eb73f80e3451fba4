package io.tienda.analytics.clickhouse;

import java.util.List;

/**
 * A table the service owns. Its statement must be idempotent ({@code CREATE TABLE IF NOT EXISTS})
 * and valid on ClickHouse 18.16 and on current releases.
 */
public interface ClickHouseTable {

    /** The CREATE statement, with the table qualified by {@code database}. */
    String createStatement(String database);

    /**
     * Columns the table gained after it was first released, oldest first. The CREATE statement already
     * has them; a table created before them gets each at start, once ({@link ClickHouseSchema}).
     */
    default List<AddedColumn> addedColumns() {
        return List.of();
    }

    /** This table with {@code columns} to add where a table created earlier lacks them. */
    default ClickHouseTable withAddedColumns(AddedColumn... columns) {
        ClickHouseTable table = this;
        List<AddedColumn> added = List.of(columns);
        return new ClickHouseTable() {

            @Override
            public String createStatement(String database) {
                return table.createStatement(database);
            }

            @Override
            public List<AddedColumn> addedColumns() {
                return added;
            }
        };
    }

    /**
     * A column added to a released table. Rows written before it read its DEFAULT, so the definition
     * should give one that is right for them.
     *
     * @param table      the table's name, unqualified
     * @param name       the column's name
     * @param definition what follows the name in {@code ALTER TABLE ... ADD COLUMN name}, e.g.
     *                   {@code Int64 DEFAULT quantity * unit_price AFTER unit_price}
     */
    record AddedColumn(String table, String name, String definition) {
    }
}
