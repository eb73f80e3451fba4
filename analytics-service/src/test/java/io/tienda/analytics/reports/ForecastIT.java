package io.tienda.analytics.reports;

import io.tienda.analytics.AnalyticsServiceIT;
import io.tienda.analytics.Fixtures.Event;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.tienda.analytics.Fixtures.confirmed;
import static io.tienda.analytics.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A synthetic weekly pattern with a trend, sold in the currency XPD in 2034, forecast through the API. */
class ForecastIT extends AnalyticsServiceIT {

    static final long[] WEEK = {10_000, 12_000, 11_000, 13_000, 20_000, 30_000, 25_000};
    static final LocalDate START = LocalDate.parse("2034-01-02");

    static long truth(int day) {
        return WEEK[day % 7] + 100L * day;
    }

    @Test
    void holtWintersForecastRecoversTheWeeklyPatternAndReportsItsHoldoutError() {
        List<Event> events = new ArrayList<>();
        for (int day = 0; day < 56; day++) {
            // two orders a day that add up to the day's value
            long value = truth(day);
            String at = START.plusDays(day) + "T10:00:00Z";
            events.add(confirmed(UUID.randomUUID(), "f", "k", at, List.of(line("SKU-F", "P-F", 1, value / 2, "XPD"))));
            events.add(confirmed(UUID.randomUUID(), "f", "k", START.plusDays(day) + "T18:00:00Z",
                    List.of(line("SKU-F", "P-F", 1, value - value / 2, "XPD"))));
        }
        ingest(events);

        JsonNode body = api.get("/api/v1/analytics/forecast?days=14&from=2034-01-02&to=2034-02-26&currency=XPD",
                analyst()).expect(200).json();
        assertThat(body.get("method").asString()).isEqualTo("HOLT_WINTERS_ADDITIVE");
        assertThat(body.get("parameters").has("gamma")).isTrue();
        assertThat(body.get("history").size()).isEqualTo(56);
        assertThat(body.get("history").get(5).get("value").asLong()).isEqualTo(truth(5));
        JsonNode holdout = body.get("holdout");
        assertThat(holdout.get("days").asInt()).isEqualTo(7);
        assertThat(holdout.get("actual").get(0).get("day").asString()).isEqualTo("2034-02-20");
        assertThat(holdout.get("mape").asDouble()).isLessThan(3.0);
        assertThat(holdout.get("rmse").asDouble()).isLessThan(1_000.0);
        JsonNode forecast = body.get("forecast");
        assertThat(forecast.size()).isEqualTo(14);
        assertThat(forecast.get(0).get("day").asString()).isEqualTo("2034-02-27");
        for (int h = 0; h < 14; h++) {
            double expected = truth(56 + h);
            assertThat(forecast.get(h).get("value").asDouble()).isCloseTo(expected, within(expected * 0.05));
        }
    }

    @Test
    void fallsBackToHoltOnAShortHistory() {
        JsonNode body = api.get("/api/v1/analytics/forecast?days=3&from=2034-01-02&to=2034-01-15&currency=XPD",
                analyst()).expect(200).json();
        assertThat(body.get("method").asString()).isEqualTo("HOLT");
        assertThat(body.get("parameters").has("gamma")).isFalse();
        assertThat(body.get("forecast").size()).isEqualTo(3);
    }
}
