package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace across the fleet, as an operator reads it in the local trace collector
 * ({@code GET /traces/{id}}, where the services export their sampled spans over OTLP): a manager's
 * request through the gateway to product-service, the event it writes to the outbox and sends to
 * Kafka, and inventory-service consuming it, all under the trace id the client sent.
 * {@code -Dtienda.e2e.traces-url} points at another collector.
 */
@ExtendWith(Fleet.class)
class TraceJourneyIT {

    private static final URI TRACES = URI.create(System.getProperty("tienda.e2e.traces-url", "http://localhost:4318/"));

    @Test
    void aRequestItsEventAndTheConsumerShareOneTrace() {
        String manager = Accounts.session(Account.MANAGER).accessToken();
        String traceId = HexFormat.of().formatHex(random(16));
        // sampled (flag 01): the gateway follows the caller's decision, and the services follow the gateway's
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(random(8)) + "-01";
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String category = Api.gateway().get("/api/v1/categories").send().json().findValue("slug").asString();

        Api.Reply created = Api.gateway().post("/api/v1/products", """
                {"name":{"es":"Taza trazada %1$s","en":"Traced mug %1$s"},
                 "description":{"es":"Una taza.","en":"A mug."},
                 "categoryId":"%2$s","price":{"amount":990,"currency":"EUR"},
                 "variants":[{"sku":"TRACE-%3$s","attributes":{}}],"active":true}
                """.formatted(tag, category, tag.toUpperCase(Locale.ROOT)))
                .bearer(manager).header("traceparent", traceparent)
                .header("X-Forwarded-For", Accounts.randomClientAddress()).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode spans = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> new Api(TRACES).get("/traces/" + traceId).send().json(),
                        // each service exports on its own schedule; the gateway's span ends last
                        trace -> has(trace, "gateway", "SERVER") && has(trace, "product-service", "SERVER")
                                && has(trace, "inventory-service", "CONSUMER"));

        assertThat(list(spans)).as("every span is in the client's trace")
                .allSatisfy(span -> assertThat(span.get("traceId").asString()).isEqualTo(traceId));
        JsonNode gateway = find(spans, "gateway", "SERVER");
        JsonNode product = find(spans, "product-service", "SERVER");
        assertThat(product.get("parentSpanId").asString()).as("product-service works under the gateway's span")
                .isEqualTo(gateway.get("spanId").asString());
        assertThat(has(spans, "product-service", "PRODUCER")).as("the event sent to Kafka").isTrue();
        assertThat(has(spans, "inventory-service", "CONSUMER")).as("and consumed by inventory-service").isTrue();
        assertThat(list(spans)).as("Spring Security's filters, authentication and authorization are not spans of their own")
                .noneSatisfy(span -> assertThat(span.get("name").asString())
                        .matches("(security filterchain|authenticate|authorize|secured request).*"));
    }

    /**
     * The newest traces the collector holds each start where work entered the fleet: a request or a
     * message. None is a scheduled task's run (several a second across the fleet, most doing nothing)
     * or a call made outside any trace (the discovery client's heartbeats, a Redis command the gateway
     * sends for the rate limiter), which would bury the traces an operator looks for.
     */
    @Test
    void everyTraceStartsWithARequestOrAMessage() {
        assertThat(Api.gateway().get("/api/v1/categories").send().status()).isEqualTo(200);
        JsonNode listed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> new Api(TRACES).get("/traces").send().json(), traces -> !traces.isEmpty());
        for (JsonNode trace : list(listed)) {
            JsonNode spans = new Api(TRACES).get("/traces/" + trace.get("traceId").asString()).send().json();
            list(spans).stream().filter(span -> span.get("parentSpanId").isNull()).forEach(root -> {
                String described = root.get("service").asString() + ": " + root.get("name").asString();
                assertThat(root.get("kind").asString()).as(described).isNotEqualTo("CLIENT");
                assertThat(root.get("name").asString()).as(described).doesNotStartWith("task ");
            });
        }
    }

    private static boolean has(JsonNode spans, String service, String kind) {
        return list(spans).stream().anyMatch(span -> matches(span, service, kind));
    }

    private static JsonNode find(JsonNode spans, String service, String kind) {
        return list(spans).stream().filter(span -> matches(span, service, kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " span of " + service + " in " + spans));
    }

    private static boolean matches(JsonNode span, String service, String kind) {
        return span.get("service").asString().equals(service) && span.get("kind").asString().equals(kind);
    }

    private static List<JsonNode> list(JsonNode spans) {
        return StreamSupport.stream(spans.spliterator(), false).toList();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] = (byte) (bytes[0] | 1);
        return bytes;
    }
}
