package io.tienda.analytics;

import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * One application context for every integration test of the service, on a real clickhouse-server
 * (the Debian 18.16 binary here; the same SQL runs on current releases). Tests isolate themselves
 * by the days and currencies they use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TiendaInfra(value = Store.CLICKHOUSE, database = "analytics")
public abstract class AnalyticsServiceIT {

    @LocalServerPort
    private int port;

    protected RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }
}
