package io.tienda.analytics;

import io.tienda.analytics.facts.domain.FactTables;
import io.tienda.platform.testing.Infra;
import org.junit.jupiter.api.Test;

import static io.tienda.platform.testing.ServiceChecks.expectReady;
import static org.assertj.core.api.Assertions.assertThat;

class ReadinessIT extends AnalyticsServiceIT {

    @Test
    void readinessReportsClickHouseUp() {
        expectReady(http, "clickhouse");
    }

    @Test
    void createsTheFactTablesAtStart() {
        for (String table : FactTables.ALL) {
            String engine = Infra.clickhouse().execute("SELECT engine FROM system.tables WHERE database = 'analytics' "
                    + "AND name = '" + table + "' FORMAT TSV");
            assertThat(engine.strip()).as(table).isEqualTo("ReplacingMergeTree");
        }
        String columns = Infra.clickhouse().execute(
                "SELECT name, type FROM system.columns WHERE database = 'analytics' AND table = 'order_lines' FORMAT TSV");
        // TSV escapes the quotes around the time zone
        assertThat(columns).contains("event_id\tUUID", "unit_price\tInt64", "line_total\tInt64",
                "currency\tFixedString(3)", "occurred_at\tDateTime(\\'UTC\\')");
    }

    @Test
    void servesItsApiDescription() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/analytics/kpis'].get.summary").isEqualTo("Headline sales figures of a period")
                .jsonPath("$.paths['/api/v1/analytics/sales'].get.summary").isEqualTo("Sales by period")
                .jsonPath("$.paths['/api/v1/analytics/forecast'].get.summary").isEqualTo("Revenue forecast");
    }
}
