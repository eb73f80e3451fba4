package io.tienda.analytics.clickhouse;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the service can query the server as its user and its database exists: a mere ping would
 * pass with a wrong password or a dropped database, while every report would fail.
 */
class ClickHouseHealthIndicator extends AbstractHealthIndicator {

    private final ClickHouse clickHouse;

    ClickHouseHealthIndicator(ClickHouse clickHouse) {
        super("ClickHouse health check failed");
        this.clickHouse = clickHouse;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var row = clickHouse.rows("SELECT version() AS version, count() AS found FROM system.databases WHERE name = '"
                + clickHouse.database() + "' FORMAT JSONEachRow").get(0);
        if (ClickHouse.longValue(row.get("found")) == 0) {
            builder.down().withDetail("database", clickHouse.database() + " does not exist");
            return;
        }
        builder.up().withDetail("version", row.get("version").asString()).withDetail("database", clickHouse.database());
    }
}
