package io.tienda.analytics.clickhouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import java.util.List;

/**
 * Creates the service's database and tables at start, before the service takes traffic, and adds the
 * columns a table created by an earlier version lacks. Analytics holds facts only, rebuilt from
 * events, so additive changes are the whole migration story: CREATE ... IF NOT EXISTS, then ALTER
 * TABLE ... ADD COLUMN for each {@link ClickHouseTable.AddedColumn} missing from {@code system.columns}
 * (18.16 has no ADD COLUMN IF NOT EXISTS). A column's DEFAULT is what its older rows read.
 */
class ClickHouseSchema implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseSchema.class);

    private final ClickHouse clickHouse;
    private final List<ClickHouseTable> tables;

    ClickHouseSchema(ClickHouse clickHouse, List<ClickHouseTable> tables) {
        this.clickHouse = clickHouse;
        this.tables = tables;
    }

    @Override
    public void afterPropertiesSet() {
        clickHouse.execute("CREATE DATABASE IF NOT EXISTS " + clickHouse.database());
        for (ClickHouseTable table : tables) {
            clickHouse.execute(table.createStatement(clickHouse.database()));
            for (ClickHouseTable.AddedColumn column : table.addedColumns()) {
                addIfMissing(column);
            }
        }
        log.info("ClickHouse database {} has its {} table(s)", clickHouse.database(), tables.size());
    }

    private void addIfMissing(ClickHouseTable.AddedColumn column) {
        if (exists(column)) {
            return;
        }
        try {
            clickHouse.execute("ALTER TABLE %s.%s ADD COLUMN %s %s".formatted(clickHouse.database(), column.table(),
                    column.name(), column.definition()));
            log.info("ClickHouse table {}.{} gained the column {}", clickHouse.database(), column.table(),
                    column.name());
        } catch (ClickHouse.ClickHouseException e) {
            // another instance starting at the same time may have added it first
            if (!exists(column)) {
                throw e;
            }
        }
    }

    private boolean exists(ClickHouseTable.AddedColumn column) {
        return !clickHouse.rows("""
                SELECT name FROM system.columns WHERE database = '%s' AND table = '%s' AND name = '%s'
                FORMAT JSONEachRow""".formatted(clickHouse.database(), column.table(), column.name())).isEmpty();
    }
}
