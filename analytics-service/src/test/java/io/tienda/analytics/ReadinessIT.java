package io.tienda.analytics;

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
    void createsTheSalesTableAtStart() {
        String columns = Infra.clickhouse().execute(
                "SELECT name, type FROM system.columns WHERE database = 'analytics' AND table = 'sales' FORMAT TSV");
        // TSV escapes the quotes around the time zone
        assertThat(columns).contains("event_id\tUUID", "unit_price\tInt64", "currency\tFixedString(3)",
                "occurred_at\tDateTime(\\'UTC\\')");
        String engine = Infra.clickhouse().execute(
                "SELECT engine FROM system.tables WHERE database = 'analytics' AND name = 'sales' FORMAT TSV");
        assertThat(engine.strip()).isEqualTo("ReplacingMergeTree");
    }

    @Test
    void servesItsApiDescription() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/analytics/kpis'].get.summary").isEqualTo("Headline sales figures of a period");
    }
}
