package io.tienda.analytics.clickhouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import java.util.List;

/**
 * Creates the service's database and tables at start, before the service takes traffic. Analytics
 * holds facts only, rebuilt from events, so additive CREATE ... IF NOT EXISTS statements are the
 * whole migration story for now.
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
        }
        log.info("ClickHouse database {} has its {} table(s)", clickHouse.database(), tables.size());
    }
}
