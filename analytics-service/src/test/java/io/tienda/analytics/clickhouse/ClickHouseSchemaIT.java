package io.tienda.analytics.clickhouse;

import com.clickhouse.client.api.Client;
import io.tienda.analytics.AnalyticsServiceIT;
import io.tienda.platform.testing.Infra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database left by an earlier version: its order_lines has no line_total, its payment_events no
 * refund_id. Starting the schema on it adds the column, once, where a fresh table has it, and the rows
 * already there read a value right for them: the catalog value of their units, the only figure their
 * events carried; no refund id.
 */
class ClickHouseSchemaIT extends AnalyticsServiceIT {

    private static final String LEGACY = "analytics_legacy";

    @Autowired
    private Client client;

    @Autowired
    private JsonMapper json;

    @Autowired
    private List<ClickHouseTable> tables;

    @Test
    void addsWhatALegacyTableLacksAndItsRowsReadTheirCatalogValue() {
        Infra.clickhouse().execute("DROP DATABASE IF EXISTS " + LEGACY);
        Infra.clickhouse().execute("CREATE DATABASE " + LEGACY);
        // order_lines as the first version created it
        Infra.clickhouse().execute("""
                CREATE TABLE %s.order_lines (
                    event_id UUID, line_no UInt16, order_id UUID, customer_id String, sku String, product_id String,
                    name String, quantity UInt32, unit_price Int64, currency FixedString(3), occurred_at DateTime('UTC')
                ) ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(occurred_at)
                ORDER BY (currency, toDate(occurred_at), event_id, line_no)""".formatted(LEGACY));
        Infra.clickhouse().execute("INSERT INTO " + LEGACY + ".order_lines (event_id, line_no, sku, quantity, "
                + "unit_price, currency, occurred_at) VALUES "
                + "('00000000-0000-0000-0000-000000000001', 0, 'S1', 3, 1000, 'XLG', '2030-06-01 10:00:00'), "
                + "('00000000-0000-0000-0000-000000000001', 1, 'S2', 1, 250, 'XLG', '2030-06-01 10:00:00')");
        try {
            ClickHouseSchema schema = new ClickHouseSchema(legacy(), tables);
            schema.afterPropertiesSet();
            // a second start (or a second instance) finds the column and adds nothing
            schema.afterPropertiesSet();

            assertThat(columns(LEGACY, "order_lines")).isEqualTo(columns("analytics", "order_lines"))
                    .contains("unit_price\tInt64\t\t\nline_total\tInt64\tDEFAULT\tquantity * unit_price\n");
            assertThat(clickHouse("SELECT sku, line_total FROM " + LEGACY + ".order_lines FINAL ORDER BY line_no"))
                    .isEqualTo("S1\t3000\nS2\t250");
            assertThat(clickHouse("SELECT sum(line_total) FROM " + LEGACY + ".order_lines FINAL "
                    + "WHERE currency = 'XLG'")).isEqualTo("3250");
            // a merge writes the default into the parts: the same figures afterwards
            Infra.clickhouse().execute("OPTIMIZE TABLE " + LEGACY + ".order_lines FINAL");
            assertThat(clickHouse("SELECT sku, line_total FROM " + LEGACY + ".order_lines ORDER BY line_no"))
                    .isEqualTo("S1\t3000\nS2\t250");
        } finally {
            Infra.clickhouse().execute("DROP DATABASE IF EXISTS " + LEGACY);
        }
    }

    /**
     * payment_events as the versions before refund failures created it: no refund_id. It gains the column
     * at start, once; the refunds already there read '' (no id), which no failure can match.
     */
    @Test
    void paymentEventsOfAnEarlierVersionGainTheRefundId() {
        Infra.clickhouse().execute("DROP DATABASE IF EXISTS " + LEGACY);
        Infra.clickhouse().execute("CREATE DATABASE " + LEGACY);
        Infra.clickhouse().execute("""
                CREATE TABLE %s.payment_events (
                    event_id UUID, type String, order_id UUID, payment_id String, amount Int64,
                    currency FixedString(3), occurred_at DateTime('UTC')
                ) ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(occurred_at)
                ORDER BY (toDate(occurred_at), event_id)""".formatted(LEGACY));
        Infra.clickhouse().execute("INSERT INTO " + LEGACY + ".payment_events (event_id, type, payment_id, amount, "
                + "currency, occurred_at) VALUES "
                + "('00000000-0000-0000-0000-000000000001', 'payment.refunded', 'p1', 500, 'XLG', '2030-06-01 10:00:00')");
        try {
            ClickHouseSchema schema = new ClickHouseSchema(legacy(), tables);
            schema.afterPropertiesSet();
            schema.afterPropertiesSet();

            assertThat(columns(LEGACY, "payment_events")).isEqualTo(columns("analytics", "payment_events"))
                    .contains("payment_id\tString\t\t\nrefund_id\tString\tDEFAULT\t\\'\\'\n");
            assertThat(clickHouse("SELECT type, payment_id, refund_id = '', amount FROM " + LEGACY
                    + ".payment_events FINAL")).isEqualTo("payment.refunded\tp1\t1\t500");
        } finally {
            Infra.clickhouse().execute("DROP DATABASE IF EXISTS " + LEGACY);
        }
    }

    private ClickHouse legacy() {
        return new ClickHouse(client, json, new ClickHouseProperties(URI.create(Infra.clickhouse().url()),
                LEGACY, Infra.clickhouse().username(), Infra.clickhouse().password(), Duration.ofSeconds(30)));
    }

    private static String columns(String database, String table) {
        return Infra.clickhouse().execute("SELECT name, type, default_kind, default_expression FROM system.columns "
                + "WHERE database = '" + database + "' AND table = '" + table + "' FORMAT TSV");
    }
}
