package io.tienda.payment;

import io.tienda.payment.support.PaymentServiceTest;
import io.tienda.platform.testing.SchemaAtVersion;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.tienda.platform.testing.ServiceChecks.expectDocumented;
import static io.tienda.platform.testing.ServiceChecks.expectProblem;
import static io.tienda.platform.testing.ServiceChecks.expectReady;
import static io.tienda.platform.testing.ServiceChecks.expectTopicsWithDeadLetters;
import static io.tienda.platform.testing.security.TestTokens.customer;
import static io.tienda.platform.testing.security.TestTokens.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** payment-service against real PostgreSQL and Kafka: listing payments, who sees which, and its stores. */
@PaymentServiceTest
class PaymentServiceIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void aCustomerSeesThePaymentsOfTheirOwnOrdersNewestFirst() {
        String alice = newCustomer();
        UUID declined = insertPayment(alice, UUID.randomUUID(), "FAILED", null, NOW.minusSeconds(60));
        UUID captured = insertPayment(alice, UUID.randomUUID(), "CAPTURED", "pi_" + UUID.randomUUID(), NOW);
        insertPayment(newCustomer(), UUID.randomUUID(), "CAPTURED", "pi_" + UUID.randomUUID(), NOW);

        http.get().uri("/api/v1/payments").headers(h -> h.setBearerAuth(customer(alice)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(20)
                .jsonPath("$.items[0].id").isEqualTo(captured.toString())
                .jsonPath("$.items[0].status").isEqualTo("CAPTURED")
                .jsonPath("$.items[0].provider").isEqualTo("SIMULATED")
                .jsonPath("$.items[0].amount").isEqualTo(2599)
                .jsonPath("$.items[0].currency").isEqualTo("EUR")
                .jsonPath("$.items[1].id").isEqualTo(declined.toString())
                .jsonPath("$.items[0]").value(Map.class, item -> assertThat(item.keySet()).containsExactlyInAnyOrder(
                        "id", "orderId", "provider", "status", "amount", "currency", "createdAt", "updatedAt"));
    }

    @Test
    void paymentsCanBeFilteredByOrderAndOtherCustomersOrdersMatchNothing() {
        String alice = newCustomer();
        UUID order = UUID.randomUUID();
        UUID first = insertPayment(alice, order, "FAILED", null, NOW.minusSeconds(30));
        UUID second = insertPayment(alice, order, "AUTHORIZED", "pi_" + UUID.randomUUID(), NOW);
        insertPayment(alice, UUID.randomUUID(), "CAPTURED", "pi_" + UUID.randomUUID(), NOW);

        http.get().uri("/api/v1/payments?orderId={o}", order).headers(h -> h.setBearerAuth(customer(alice)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(second.toString())
                .jsonPath("$.items[1].id").isEqualTo(first.toString());
        http.get().uri("/api/v1/payments?orderId={o}", order).headers(h -> h.setBearerAuth(customer(newCustomer())))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(0)
                .jsonPath("$.items").isEmpty();
    }

    @Test
    void staffSeeEveryonesPayments() {
        UUID order = UUID.randomUUID();
        UUID payment = insertPayment(newCustomer(), order, "CAPTURED", "pi_" + UUID.randomUUID(), NOW);

        for (String role : new String[] {"SUPPORT", "MANAGER", "ADMIN"}) {
            http.get().uri("/api/v1/payments?orderId={o}", order)
                    .headers(h -> h.setBearerAuth(TestTokens.token("staff-1", role)))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.total").isEqualTo(1)
                    .jsonPath("$.items[0].id").isEqualTo(payment.toString());
        }
        http.get().uri("/api/v1/payments").headers(h -> h.setBearerAuth(TestTokens.token("staff-1", "ADMIN")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").value(Integer.class, total -> assertThat(total).isPositive());
    }

    @Test
    void pagesDoNotOverlap() {
        String alice = newCustomer();
        List<UUID> ids = List.of(
                insertPayment(alice, UUID.randomUUID(), "CAPTURED", "pi_" + UUID.randomUUID(), NOW),
                insertPayment(alice, UUID.randomUUID(), "CAPTURED", "pi_" + UUID.randomUUID(), NOW),
                insertPayment(alice, UUID.randomUUID(), "CAPTURED", "pi_" + UUID.randomUUID(), NOW));

        List<String> first = idsOn("/api/v1/payments?size=2", customer(alice));
        List<String> second = idsOn("/api/v1/payments?size=2&page=1", customer(alice));

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(Stream.concat(first.stream(), second.stream()).map(UUID::fromString))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void anonymousCallersGetAnUnauthorizedProblem() {
        expectProblem(http.get().uri("/api/v1/payments").exchange(), 401, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?orderId=not-a-uuid", "?page=-1", "?page=x", "?size=0", "?size=101", "?size=many"})
    void badParametersAreBadRequestProblems(String query) {
        expectProblem(http.get().uri("/api/v1/payments" + query).headers(h -> h.setBearerAuth(customer(newCustomer())))
                .exchange(), 400);
    }

    @Test
    void theTableAllowsAtMostOneSuccessfulPaymentPerOrder() {
        UUID order = UUID.randomUUID();
        String customer = newCustomer();
        insertPayment(customer, order, "FAILED", null, NOW);
        insertPayment(customer, order, "CAPTURED", "pi_" + UUID.randomUUID(), NOW);

        assertThatThrownBy(() -> insertPayment(customer, order, "AUTHORIZED", "pi_" + UUID.randomUUID(), NOW))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertPayment(customer, UUID.randomUUID(), "CAPTURED", null, NOW))
                .as("a captured payment without the provider's id").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertPayment(customer, UUID.randomUUID(), "PAID", null, NOW))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void readinessReportsTheDatabase() {
        expectReady(http, "db");
    }

    @Test
    void theTopicItWritesExistsWithItsDeadLetterTopic() {
        expectTopicsWithDeadLetters(environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                "payment.events", "payment.commands");
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void paymentsCapturedBeforeTheInvoiceSeriesAreNumberedInCaptureOrderPerYearKeepingTheirFormerNumber() {
        // The migrations up to V3 in a schema of their own, payments captured then, and the rest after.
        try (SchemaAtVersion earlier = SchemaAtVersion.migratedTo(dataSource, "invoice_series", "3")) {
            String schema = earlier.name();
            UUID lateIn2025 = capturedBefore(schema, "2025-12-31T23:30:00Z");
            UUID mid2025 = capturedBefore(schema, "2025-06-01T10:00:00Z");
            UUID newYear2026 = capturedBefore(schema, "2026-01-01T00:10:00Z");
            UUID march2026 = capturedBefore(schema, "2026-03-01T09:00:00Z");
            UUID neverCaptured = capturedBefore(schema, null);

            earlier.migrateToLatest();

            Map<UUID, String> numbers = new java.util.HashMap<>();
            Map<UUID, String> former = new java.util.HashMap<>();
            jdbc.sql("select id, invoice_number, former_invoice_number from " + schema + ".payments")
                    .query(rs -> {
                        numbers.put(rs.getObject("id", UUID.class), rs.getString("invoice_number"));
                        former.put(rs.getObject("id", UUID.class), rs.getString("former_invoice_number"));
                    });
            assertThat(numbers).containsEntry(mid2025, "TIE-2025-000001").containsEntry(lateIn2025, "TIE-2025-000002")
                    .containsEntry(newYear2026, "TIE-2026-000001").containsEntry(march2026, "TIE-2026-000002");
            assertThat(numbers.get(neverCaptured)).isNull();
            assertThat(former).containsEntry(lateIn2025,
                    "TIE-20251231-" + lateIn2025.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT));
            assertThat(former.get(neverCaptured)).isNull();
            assertThat(jdbc.sql("select year || ':' || last_number from " + schema + ".invoice_series order by year")
                    .query(String.class).list()).containsExactly("2025:2", "2026:2");
        }
    }

    private UUID capturedBefore(String schema, String capturedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + schema + """
                        .payments (id, order_id, customer_id, provider, provider_payment_id, status, amount, currency,
                                   idempotency_key, captured_amount, captured_at)
                        values (:id, :order, 'c-1', 'SIMULATED', :pid, :status, 1000, 'EUR', :key, :captured,
                                cast(:at as timestamptz))""")
                .param("id", id).param("order", UUID.randomUUID()).param("pid", "pi_" + id)
                .param("status", capturedAt == null ? "AUTHORIZED" : "CAPTURED").param("key", id.toString())
                .param("captured", capturedAt == null ? 0 : 1000).param("at", capturedAt)
                .update();
        return id;
    }

    @Test
    void theEndpointIsDocumented() {
        expectDocumented(http, "/api/v1/payments", "/api/v1/payments/{id}", "/api/v1/payments/{id}/invoice");
    }

    private UUID insertPayment(String customerId, UUID orderId, String status, String providerPaymentId, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into payments (id, order_id, customer_id, provider, provider_payment_id, status, amount,
                                              currency, idempotency_key, created_at, updated_at)
                        values (:id, :order, :customer, 'SIMULATED', :providerId, :status, 2599, 'EUR', :key, :at, :at)""")
                .param("id", id).param("order", orderId).param("customer", customerId)
                .param("providerId", providerPaymentId).param("status", status)
                .param("key", UUID.randomUUID().toString()).param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    private List<String> idsOn(String uri, String token) {
        List<String> ids = new ArrayList<>();
        http.get().uri(uri).headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").value(new ParameterizedTypeReference<List<String>>() {
                }, ids::addAll);
        return ids;
    }
}
