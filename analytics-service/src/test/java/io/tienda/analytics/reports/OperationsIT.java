package io.tienda.analytics.reports;

import io.tienda.analytics.AnalyticsServiceIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static io.tienda.analytics.Fixtures.cancelled;
import static io.tienda.analytics.Fixtures.confirmed;
import static io.tienda.analytics.Fixtures.line;
import static io.tienda.analytics.Fixtures.lowStock;
import static io.tienda.analytics.Fixtures.placed;
import static io.tienda.analytics.Fixtures.shipped;
import static io.tienda.analytics.Fixtures.stockChanged;
import static org.assertj.core.api.Assertions.assertThat;

class OperationsIT extends AnalyticsServiceIT {

    @Test
    void lowStockListsSkusNotYetBackAboveTheirReorderPoint() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String low = "LOW-" + run;
        String restocked = "RESTOCKED-" + run;
        String stillLow = "STILL-" + run;
        ingest(lowStock(low, 3, 10, "2033-01-01T10:00:00Z"),
                lowStock(restocked, 2, 10, "2033-01-01T10:00:00Z"),
                stockChanged(restocked, 60, 7, "2033-01-02T10:00:00Z"),
                lowStock(stillLow, 5, 10, "2033-01-01T10:00:00Z"),
                stockChanged(stillLow, 8, 9, "2033-01-02T10:00:00Z"),
                // a late stock_changed with an older version says nothing new
                stockChanged(stillLow, 50, 4, "2033-01-03T10:00:00Z"),
                // the newer alert of a SKU replaces its older one
                lowStock(low, 1, 10, "2033-01-04T10:00:00Z"));

        JsonNode items = api.get("/api/v1/analytics/low-stock?limit=100", analyst()).expect(200).json().get("items");
        List<String> skus = items.findValuesAsString("sku");
        assertThat(skus).contains(low, stillLow).doesNotContain(restocked);
        for (JsonNode item : items) {
            if (item.get("sku").asString().equals(low)) {
                assertThat(item.get("available").asInt()).isEqualTo(1);
                assertThat(item.get("reorderPoint").asInt()).isEqualTo(10);
                assertThat(item.get("warehouse").asString()).isEqualTo("MAD-1");
                assertThat(item.get("reportedAt").asString()).isEqualTo("2033-01-04T10:00:00Z");
            }
        }
    }

    @Test
    void recentOrdersNewestFirstWithTheirLatestStatus() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        var lines = List.of(line("SKU-R", "P-R", 2, 750, "EUR"));
        ingest(placed(first, "r1", "2099-05-01T10:00:00Z", lines),
                confirmed(first, "r1", "k", "2099-05-01T10:00:00Z", lines),
                shipped(first, "r1", "2099-05-02T10:00:00Z", lines),
                placed(second, "r2", "2099-05-03T10:00:00Z", lines),
                placed(third, "r3", "2099-05-04T10:00:00Z", lines),
                confirmed(third, "r3", "k", "2099-05-04T10:00:01Z", lines),
                cancelled(third, "r3", "2099-05-04T11:00:00Z"));

        JsonNode items = api.get("/api/v1/analytics/recent-orders?limit=3", analyst()).expect(200).json()
                .get("items");
        assertThat(items.findValuesAsString("orderId")).containsExactly(third.toString(), second.toString(),
                first.toString());
        assertThat(items.findValuesAsString("status")).containsExactly("CANCELLED", "PLACED", "SHIPPED");
        assertThat(items.get(2).get("total").asLong()).isEqualTo(1500);
        assertThat(items.get(2).get("currency").asString()).isEqualTo("EUR");
        assertThat(items.get(2).get("units").asInt()).isEqualTo(2);
        assertThat(items.get(2).get("placedAt").asString()).isEqualTo("2099-05-01T10:00:00Z");
        assertThat(items.get(2).get("updatedAt").asString()).isEqualTo("2099-05-02T10:00:00Z");
    }
}
