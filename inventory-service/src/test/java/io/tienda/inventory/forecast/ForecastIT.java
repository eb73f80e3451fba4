package io.tienda.inventory.forecast;

import io.tienda.inventory.support.Fixtures;
import io.tienda.inventory.support.InventoryIT;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Forecasts learn from committed sales in the ledger. */
class ForecastIT extends InventoryIT {

    String sku;
    String analyst;

    @BeforeEach
    void setUp() {
        sku = Fixtures.sku("FC");
        analyst = TestTokens.staff("ANALYST");
    }

    @Test
    void steadySalesForecastTheSameTomorrowAndSuggestWhatTheLeadTimeNeeds() {
        fixtures.receive(sku, Fixtures.MADRID, 30);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int daysAgo = 1; daysAgo <= 28; daysAgo++) {
            sold(today.minusDays(daysAgo), 6);
            sold(today.minusDays(daysAgo), 4);
        }
        sold(today, 50);
        backdateFirstMovement(today.minusDays(40));

        JsonNode forecast = api.get("/api/v1/inventory/" + sku + "/forecast?historyDays=28", analyst)
                .expect(200).json();

        assertThat(forecast.get("sku").asString()).isEqualTo(sku);
        assertThat(forecast.get("method").asString()).isEqualTo("HOLT");
        assertThat(forecast.get("available").asInt()).isEqualTo(30);
        assertThat(forecast.get("dailyForecast").asDouble()).isEqualTo(10.0);
        assertThat(forecast.get("leadTimeDays").asInt()).isEqualTo(7);
        assertThat(forecast.get("leadTimeDemand").asDouble()).isEqualTo(70.0);
        assertThat(forecast.get("suggestedReorderQuantity").asLong()).isEqualTo(40);
        assertThat(forecast.get("daysOfCover").asDouble()).isEqualTo(3.0);
        assertThat(forecast.get("nextDays").size()).isEqualTo(7);
        JsonNode history = forecast.get("history");
        assertThat(history.get("days").asInt()).isEqualTo(28);
        assertThat(history.get("from").asString()).isEqualTo(today.minusDays(28).toString());
        assertThat(history.get("to").asString()).as("today is not over").isEqualTo(today.minusDays(1).toString());
        assertThat(history.get("dailySales").valueStream().map(JsonNode::asInt)).containsOnly(10);

        JsonNode fortnight = api.get("/api/v1/inventory/" + sku + "/forecast?historyDays=28&leadTimeDays=14",
                TestTokens.staff("MANAGER")).expect(200).json();
        assertThat(fortnight.get("suggestedReorderQuantity").asLong()).isEqualTo(110);
    }

    @Test
    void aNewSkuLearnsOnlyFromTheDaysItExistedWithoutATrend() {
        fixtures.receive(sku, Fixtures.MADRID, 100);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        backdateFirstMovement(today.minusDays(5));
        sold(today.minusDays(2), 8);

        JsonNode forecast = api.get("/api/v1/inventory/" + sku + "/forecast", analyst).expect(200).json();

        assertThat(forecast.get("method").asString()).isEqualTo("SES");
        assertThat(forecast.get("history").get("days").asInt()).isEqualTo(5);
        assertThat(forecast.get("history").get("dailySales").valueStream().map(JsonNode::asInt))
                .containsExactly(0, 0, 0, 8, 0);
        assertThat(forecast.get("suggestedReorderQuantity").asLong()).isZero();
    }

    @Test
    void aSkuThatNeverSoldForecastsNothing() {
        JsonNode forecast = api.get("/api/v1/inventory/" + sku + "/forecast", TestTokens.staff("SUPPORT"))
                .expect(200).json();

        assertThat(forecast.get("method").asString()).isEqualTo("NONE");
        assertThat(forecast.get("dailyForecast").asDouble()).isZero();
        assertThat(forecast.get("suggestedReorderQuantity").asLong()).isZero();
        assertThat(forecast.get("daysOfCover").isNull()).isFalse();
        assertThat(forecast.get("history").get("days").asInt()).isZero();
    }

    @Test
    void forecastsAreForStaffAndAnalysts() {
        api.get("/api/v1/inventory/" + sku + "/forecast", null).expectProblem(401, "unauthorized");
        api.get("/api/v1/inventory/" + sku + "/forecast", TestTokens.customer("c-1")).expectProblem(403, "forbidden");
        for (String role : new String[] {"SUPPORT", "MANAGER", "ADMIN", "ANALYST"}) {
            api.get("/api/v1/inventory/" + sku + "/forecast", TestTokens.staff(role)).expect(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"?historyDays=0", "?historyDays=731", "?leadTimeDays=0", "?leadTimeDays=366",
            "?historyDays=many"})
    void badParametersAreBadRequests(String query) {
        api.get("/api/v1/inventory/" + sku + "/forecast" + query, analyst).expect(400);
        api.get("/api/v1/inventory/bad%20sku/forecast", analyst).expect(400);
    }

    /** A committed sale on {@code day}, as the ledger records it. */
    private void sold(LocalDate day, int units) {
        UUID warehouse = jdbc.sql("select id from warehouses where code = 'MAD-1'").query(UUID.class).single();
        jdbc.sql("""
                        insert into stock_movements (id, sku, warehouse_id, kind, on_hand_delta, reserved_delta, actor,
                                                     reference, occurred_at)
                        values (:id, :sku, :warehouse, 'COMMIT', :delta, :delta, 'inventory-service', :order, :at)""")
                .param("id", UUID.randomUUID()).param("sku", sku).param("warehouse", warehouse)
                .param("delta", -units).param("order", UUID.randomUUID().toString())
                .param("at", Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC)))
                .update();
    }

    private void backdateFirstMovement(LocalDate day) {
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        jdbc.sql("update stock_movements set occurred_at = :at where sku = :sku and kind = 'RECEIPT'")
                .param("at", Timestamp.from(at)).param("sku", sku).update();
    }
}
