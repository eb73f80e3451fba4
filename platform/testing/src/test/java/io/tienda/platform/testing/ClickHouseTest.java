package io.tienda.platform.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.tienda.platform.testing.infra.ClickHouseServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClickHouseTest {

    @Test
    void answersSelectOneOverHttp() throws Exception {
        ClickHouseServer clickhouse = Infra.clickhouse();
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(clickhouse.url() + "/?query="
                    + URLEncoder.encode("SELECT 1", StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().trim()).isEqualTo("1");
    }

    @Test
    void storesRowsInACreatedDatabase() {
        ClickHouseServer clickhouse = Infra.clickhouse();
        clickhouse.ensureDatabase("clickhouse_test");
        clickhouse.ensureDatabase("clickhouse_test");
        clickhouse.execute("CREATE TABLE IF NOT EXISTS clickhouse_test.sales (day Date, sku String, cents UInt64) "
                + "ENGINE = MergeTree() ORDER BY (day, sku)");
        clickhouse.execute("INSERT INTO clickhouse_test.sales FORMAT JSONEachRow "
                + "{\"day\":\"2025-01-02\",\"sku\":\"A\",\"cents\":1500} {\"day\":\"2025-01-02\",\"sku\":\"B\",\"cents\":500}");

        String total = clickhouse.execute("SELECT sum(cents) AS total FROM clickhouse_test.sales FORMAT JSONEachRow");

        assertThat(total.trim()).isEqualTo("{\"total\":\"2000\"}");
    }

}
