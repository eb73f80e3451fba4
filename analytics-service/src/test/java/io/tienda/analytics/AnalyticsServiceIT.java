package io.tienda.analytics;

import io.tienda.analytics.facts.Ingestion;
import io.tienda.platform.events.Topics;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import io.tienda.platform.testing.http.StatusRetryFreeRestTestClient;
import io.tienda.platform.testing.http.TestApi;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import java.util.List;

/**
 * One application context for every integration test of the service, on a real clickhouse-server
 * (the Debian 18.16 binary here; the same SQL runs on current releases) and a real Kafka broker.
 * Tests isolate themselves by the days, currencies and SKUs they use, and most feed the ingestion
 * directly ({@link Fixtures}); the Kafka tests go through the topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TiendaInfra(value = {Store.CLICKHOUSE, Store.KAFKA}, database = "analytics")
public abstract class AnalyticsServiceIT {

    protected static final List<String> TOPICS = List.of(Topics.ORDER_EVENTS, Topics.PAYMENT_EVENTS,
            Topics.RETURNS_EVENTS, Topics.CART_EVENTS, Topics.PRODUCT_EVENTS, Topics.INVENTORY_EVENTS,
            Topics.USER_EVENTS);

    /** The topics analytics reads exist before its listener subscribes, as their owners create them. */
    static {
        for (String topic : TOPICS) {
            Infra.kafka().createTopics(topic, Topics.deadLetter(topic));
        }
    }

    @LocalServerPort
    private int port;

    @Autowired
    protected Ingestion ingestion;

    protected RestTestClient http;
    protected TestApi api;

    @BeforeEach
    void client() {
        http = StatusRetryFreeRestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        api = new TestApi(http);
    }

    /**
     * A client that sends paths exactly as written, percent-escapes included (the usual one would
     * escape a {@code %2B} again): for queries such as {@code from=%2B10000-01-01}.
     */
    protected TestApi rawApi() {
        DefaultUriBuilderFactory raw = new DefaultUriBuilderFactory("http://localhost:" + port);
        raw.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.NONE);
        return new TestApi(StatusRetryFreeRestTestClient.bindToServer().uriBuilderFactory(raw).build());
    }

    protected void ingest(Fixtures.Event... events) {
        ingestion.ingest(List.of(events).stream().map(Fixtures.Event::message).toList());
    }

    protected void ingest(List<Fixtures.Event> events) {
        ingestion.ingest(events.stream().map(Fixtures.Event::message).toList());
    }

    /** What a query answers, as TSV text without the final line break. */
    protected static String clickHouse(String sql) {
        return Infra.clickhouse().execute(sql + " FORMAT TSV").strip();
    }

    protected static String analyst() {
        return TestTokens.staff("ANALYST");
    }
}
