package io.tienda.analytics.sales;

import io.tienda.analytics.AnalyticsServiceIT;
import io.tienda.analytics.sales.domain.SaleFact;
import io.tienda.analytics.sales.domain.SalesFacts;
import io.tienda.platform.events.Money;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

class KpisIT extends AnalyticsServiceIT {

    @Autowired
    SalesFacts sales;

    @Test
    void computesGmvOrdersAndAverageOrderValueOfThePeriod() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        sales.record(List.of(
                line(first, "ana", "SKU-A", 2, 1999, "EUR", "2024-02-10T09:00:00Z"),
                line(first, "ana", "SKU-B", 1, 500, "EUR", "2024-02-10T09:00:00Z")));
        sales.record(List.of(line(second, "bob", "SKU-C", 1, 3001, "EUR", "2024-02-11T23:59:59Z")));
        // outside the period or in another currency: not counted
        sales.record(List.of(line(UUID.randomUUID(), "ana", "SKU-A", 1, 9999, "EUR", "2024-02-12T00:00:00Z")));
        sales.record(List.of(line(UUID.randomUUID(), "ana", "SKU-A", 1, 9999, "EUR", "2024-02-09T23:59:59Z")));
        sales.record(List.of(line(UUID.randomUUID(), "ana", "SKU-A", 1, 9999, "USD", "2024-02-10T12:00:00Z")));

        http.get().uri("/api/v1/analytics/kpis?from=2024-02-10&to=2024-02-11&currency=EUR")
                .header(HttpHeaders.AUTHORIZATION, bearer("ANALYST")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.from").isEqualTo("2024-02-10")
                .jsonPath("$.to").isEqualTo("2024-02-11")
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.gmv").isEqualTo(7499)
                .jsonPath("$.orders").isEqualTo(2)
                // 7499 / 2 = 3749.5, rounded half up
                .jsonPath("$.averageOrderValue").isEqualTo(3750);
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        UUID event = UUID.randomUUID();
        List<SaleFact> lines = List.of(
                line(event, "ana", "SKU-A", 3, 1000, "EUR", "2024-03-05T10:00:00Z"),
                line(event, "ana", "SKU-B", 1, 250, "EUR", "2024-03-05T10:00:00Z"));
        sales.record(lines);
        sales.record(lines);

        http.get().uri("/api/v1/analytics/kpis?from=2024-03-05&to=2024-03-05")
                .header(HttpHeaders.AUTHORIZATION, bearer("ADMIN")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.gmv").isEqualTo(3250)
                .jsonPath("$.orders").isEqualTo(1)
                .jsonPath("$.averageOrderValue").isEqualTo(3250);
    }

    @Test
    void aPeriodWithoutSalesIsAllZeros() {
        http.get().uri("/api/v1/analytics/kpis?from=2019-01-01&to=2019-12-31&currency=GBP")
                .header(HttpHeaders.AUTHORIZATION, bearer("ANALYST")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.gmv").isEqualTo(0)
                .jsonPath("$.orders").isEqualTo(0)
                .jsonPath("$.averageOrderValue").isEqualTo(0);
    }

    @Test
    void customersMayNotReadSalesFigures() {
        http.get().uri("/api/v1/analytics/kpis?from=2024-01-01&to=2024-01-31")
                .header(HttpHeaders.AUTHORIZATION, bearer("CUSTOMER")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/forbidden");
        http.get().uri("/api/v1/analytics/kpis?from=2024-01-01&to=2024-01-31")
                .header(HttpHeaders.AUTHORIZATION, bearer("MANAGER")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void anonymousCallersGetA401Problem() {
        http.get().uri("/api/v1/analytics/kpis?from=2024-01-01&to=2024-01-31").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/unauthorized");
    }

    @Test
    void rejectsAnInvertedOrTooLongPeriod() {
        for (String query : new String[] {"from=2024-02-11&to=2024-02-10", "from=2024-01-01&to=2025-01-01"}) {
            http.get().uri("/api/v1/analytics/kpis?" + query).header(HttpHeaders.AUTHORIZATION, bearer("ANALYST"))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://tienda.io/problems/invalid-parameter");
        }
        // a whole leap year is 366 days, and allowed
        http.get().uri("/api/v1/analytics/kpis?from=2024-01-01&to=2024-12-31")
                .header(HttpHeaders.AUTHORIZATION, bearer("ANALYST")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void rejectsMalformedParameters() {
        for (String query : new String[] {"to=2024-01-31", "from=2024-13-01&to=2024-12-31", "from=yesterday&to=2024-01-31"}) {
            http.get().uri("/api/v1/analytics/kpis?" + query).header(HttpHeaders.AUTHORIZATION, bearer("ANALYST"))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://tienda.io/problems/invalid-parameter");
        }
        http.get().uri("/api/v1/analytics/kpis?from=2024-01-01&to=2024-01-31&currency=eur'--")
                .header(HttpHeaders.AUTHORIZATION, bearer("ANALYST")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("currency");
    }

    private static SaleFact line(UUID event, String customer, String sku, int quantity, long unitPrice, String currency,
            String at) {
        return new SaleFact(event, orderOf(event), customer, sku, "cat-1", quantity, Money.of(unitPrice, currency),
                Instant.parse(at));
    }

    /** Each event here is one order, so the order id follows from the event id. */
    private static UUID orderOf(UUID event) {
        return UUID.nameUUIDFromBytes(event.toString().getBytes());
    }

    private static String bearer(String role) {
        return "Bearer " + TestTokens.staff(role);
    }
}
