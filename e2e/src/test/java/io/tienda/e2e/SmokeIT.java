package io.tienda.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole fleet is up: every service is registered, and every area of the API answers through
 * the gateway — public areas 200, protected areas 401 — never 404 (no route) or 503 (no service).
 */
@ExtendWith(Fleet.class)
class SmokeIT {

    static final List<String> SERVICES = List.of("GATEWAY", "PRODUCT-SERVICE", "CART-SERVICE", "ORDER-SERVICE",
            "PAYMENT-SERVICE", "USER-SERVICE", "INVENTORY-SERVICE", "RETURNS-SERVICE", "NOTIFICATION-SERVICE",
            "ANALYTICS-SERVICE");

    private final Api gateway = Api.gateway();

    @Test
    void everyServiceIsRegisteredInDiscovery() {
        Api.Reply apps = new Api(Fleet.discovery()).get("/eureka/apps").header("Accept", "application/json").send();

        assertThat(apps.status()).isEqualTo(200);
        List<String> registered = apps.json().get("applications").get("application").findValuesAsString("name");
        assertThat(registered).containsAll(SERVICES);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(textBlock = """
            GET, /api/v1/products,                     200
            GET, /api/v1/categories,                   200
            GET, /api/v1/search/products?q=cafe,       200
            GET, /api/v1/offers,                       200
            GET, /api/v1/auth/password-policy,         200
            GET, /api/v1/inventory/SKU-DOES-NOT-EXIST, 200
            GET, /api/v1/cart,                         200
            POST, /api/v1/cart/checkout,               401
            GET, /api/v1/orders,                       401
            GET, /api/v1/payments,                     401
            GET, /api/v1/users/me,                     401
            GET, /api/v1/inventory,                    401
            GET, /api/v1/warehouses,                   401
            GET, /api/v1/returns,                      401
            GET, /api/v1/notifications,                401
            GET, /api/v1/analytics/kpis,               401
            """)
    void everyAreaAnswersThroughTheGateway(String method, String path, int expected) {
        // A service that has just registered may need one more registry refresh at the gateway.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Api.Reply reply = gateway.method(method, path, null).send();
            assertThat(reply.status()).as("%s %s: %s", method, path, reply.body()).isEqualTo(expected);
            assertThat(reply.header("X-Request-Id")).isNotBlank();
            if (expected >= 400) {
                assertThat(reply.isProblem()).as(reply.body()).isTrue();
            }
        });
    }

    @Test
    void unknownPathsAreProblemJson404() {
        Api.Reply reply = gateway.get("/api/v1/no-such-area").send();

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("type").asString()).startsWith("https://tienda.io/problems/");
    }

    @Test
    void swaggerUiListsEveryServicesApi() {
        Api.Reply config = gateway.get("/v3/api-docs/swagger-config").send();

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("urls").findValuesAsString("name")).hasSizeGreaterThanOrEqualTo(9);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(gateway.get("/v3/api-docs/order-service").send().body()).contains("/api/v1/orders"));
    }

    @Test
    void theGatewaysActuatorAnswersOnItsOwnPortOnly() {
        for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
            Api.Reply reply = gateway.get(path).send();
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.isProblem()).isTrue();
        }
        Api management = new Api(Fleet.gatewayManagement());
        Api.Reply readiness = management.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        gateway.get("/api/v1/products").send();
        assertThat(management.get("/actuator/prometheus").header("Accept", "text/plain").send().body())
                .contains("spring_cloud_gateway_requests_seconds_count{");
    }
}
