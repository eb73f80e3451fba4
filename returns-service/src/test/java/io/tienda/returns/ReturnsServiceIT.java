package io.tienda.returns;

import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.tienda.platform.testing.ServiceChecks.expectDocumented;
import static io.tienda.platform.testing.ServiceChecks.expectProblem;
import static io.tienda.platform.testing.ServiceChecks.expectReady;
import static io.tienda.platform.testing.ServiceChecks.expectTopicsWithDeadLetters;
import static io.tienda.platform.testing.security.TestTokens.customer;
import static io.tienda.platform.testing.security.TestTokens.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** returns-service against real PostgreSQL and Kafka: listing returns, who sees which, and its stores. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@TiendaInfra(value = {Store.POSTGRES, Store.KAFKA}, database = "returns")
class ReturnsServiceIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    /** Staff see every return, so every test starts from empty tables. */
    @BeforeEach
    void emptyTables() {
        jdbc.sql("delete from return_requests").update();
    }

    @Test
    void aCustomerSeesTheirOwnReturnsNewestFirstWithTheirLines() {
        String alice = newCustomer();
        UUID older = insertReturn(alice, "REFUNDED", "REFUND", "DAMAGED", 1999L, NOW.minusSeconds(60),
                new Line("MUG-1", 1, null));
        UUID newer = insertReturn(alice, "REQUESTED", "EXCHANGE", "SIZE_OR_FIT", null, NOW,
                new Line("TSHIRT-RED-M", 2, "TSHIRT-RED-L"), new Line("SOCKS-1", 1, "SOCKS-2"));
        insertReturn(newCustomer(), "REQUESTED", "REFUND", "OTHER", null, NOW, new Line("MUG-1", 1, null));

        http.get().uri("/api/v1/returns").headers(h -> h.setBearerAuth(customer(alice)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(20)
                .jsonPath("$.items[0].id").isEqualTo(newer.toString())
                .jsonPath("$.items[0].status").isEqualTo("REQUESTED")
                .jsonPath("$.items[0].resolution").isEqualTo("EXCHANGE")
                .jsonPath("$.items[0].reason").isEqualTo("SIZE_OR_FIT")
                .jsonPath("$.items[0].refundAmount").value(amount -> assertThat(amount).isNull())
                .jsonPath("$.items[0].lines.length()").isEqualTo(2)
                .jsonPath("$.items[0].lines[0].sku").isEqualTo("TSHIRT-RED-M")
                .jsonPath("$.items[0].lines[0].quantity").isEqualTo(2)
                .jsonPath("$.items[0].lines[0].exchangeSku").isEqualTo("TSHIRT-RED-L")
                .jsonPath("$.items[1].id").isEqualTo(older.toString())
                .jsonPath("$.items[1].refundAmount").isEqualTo(1999)
                .jsonPath("$.items[1].currency").isEqualTo("EUR")
                .jsonPath("$.items[1].createdAt").isEqualTo(NOW.minusSeconds(60).toString());
    }

    @Test
    void returnsArePagedWithoutOverlap() {
        String alice = newCustomer();
        UUID third = insertReturn(alice, "REQUESTED", "REFUND", "OTHER", null, NOW.minusSeconds(3), new Line("A", 1, null));
        UUID second = insertReturn(alice, "REQUESTED", "REFUND", "OTHER", null, NOW.minusSeconds(2), new Line("B", 1, null));
        UUID first = insertReturn(alice, "REQUESTED", "REFUND", "OTHER", null, NOW.minusSeconds(1), new Line("C", 1, null));

        http.get().uri("/api/v1/returns?page=0&size=2").headers(h -> h.setBearerAuth(customer(alice)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items[0].id").isEqualTo(first.toString())
                .jsonPath("$.items[1].id").isEqualTo(second.toString());
        http.get().uri("/api/v1/returns?page=1&size=2").headers(h -> h.setBearerAuth(customer(alice)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(third.toString());
    }

    @Test
    void staffSeeEveryonesReturns() {
        insertReturn(newCustomer(), "REQUESTED", "REFUND", "OTHER", null, NOW, new Line("A", 1, null));
        insertReturn(newCustomer(), "APPROVED", "REFUND", "DEFECTIVE", null, NOW, new Line("B", 1, null));

        for (String role : new String[] {"SUPPORT", "MANAGER", "ADMIN"}) {
            http.get().uri("/api/v1/returns").headers(h -> h.setBearerAuth(TestTokens.token("staff-1", role)))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.total").isEqualTo(2);
        }
        http.get().uri("/api/v1/returns").headers(h -> h.setBearerAuth(customer(newCustomer())))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(0)
                .jsonPath("$.items").isEmpty();
    }

    @Test
    void staffListTheReturnsThatWaitForThemAndTheGaugeCountsThem() {
        String alice = newCustomer();
        UUID failedOlder = settled(insertReturn(alice, "INSPECTED", "REFUND", "OTHER", 1000L, NOW.minusSeconds(9),
                new Line("A", 1, null)), "REFUND_FAILED");
        UUID failedNewer = settled(insertReturn(newCustomer(), "INSPECTED", "REFUND", "OTHER", 2000L,
                NOW.minusSeconds(5), new Line("B", 1, null)), "REFUND_FAILED");
        UUID noReplacement = settled(insertReturn(newCustomer(), "INSPECTED", "EXCHANGE", "OTHER", null,
                NOW.minusSeconds(4), new Line("C", 1, "C2")), "EXCHANGE_FAILED");
        settled(insertReturn(newCustomer(), "INSPECTED", "REFUND", "OTHER", 3000L, NOW.minusSeconds(3),
                new Line("D", 1, null)), "REFUND_PENDING");
        insertReturn(alice, "REFUNDED", "REFUND", "OTHER", 500L, NOW.minusSeconds(2), new Line("E", 1, null));
        String support = TestTokens.token("staff-1", "SUPPORT");

        http.get().uri("/api/v1/returns?settlement=REFUND_FAILED").headers(h -> h.setBearerAuth(support))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(failedNewer.toString())
                .jsonPath("$.items[1].id").isEqualTo(failedOlder.toString());
        http.get().uri("/api/v1/returns?status=INSPECTED&settlement=EXCHANGE_FAILED&size=1")
                .headers(h -> h.setBearerAuth(support))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(noReplacement.toString());
        http.get().uri("/api/v1/returns?status=INSPECTED").headers(h -> h.setBearerAuth(support))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(4);
        http.get().uri("/api/v1/returns?status=REFUNDED&settlement=REFUND_FAILED").headers(h -> h.setBearerAuth(support))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        // a customer's filter narrows their own returns only
        http.get().uri("/api/v1/returns?settlement=REFUND_FAILED").headers(h -> h.setBearerAuth(customer(alice)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(failedOlder.toString());

        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(metrics).containsPattern("returns_awaiting_staff\\{[^}]*settlement=\"REFUND_FAILED\"[^}]*} 2\\.0")
                .containsPattern("returns_awaiting_staff\\{[^}]*settlement=\"EXCHANGE_FAILED\"[^}]*} 1\\.0");
    }

    @Test
    void anonymousCallersGetAnUnauthorizedProblem() {
        expectProblem(http.get().uri("/api/v1/returns").exchange(), 401, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?page=-1", "?page=first", "?size=0", "?size=101", "?size=2.5", "?status=LOST",
            "?settlement=refund_failed", "?status=REFUNDED&settlement=PAID", "?paidTwice=maybe", "?paidTwice=2"})
    void badParametersAreBadRequestProblems(String query) {
        expectProblem(http.get().uri("/api/v1/returns" + query).headers(h -> h.setBearerAuth(customer(newCustomer())))
                .exchange(), 400);
    }

    @Test
    void theTablesRefuseInconsistentReturns() {
        assertThatThrownBy(() -> insertReturn(newCustomer(), "REFUNDED", "REFUND", "OTHER", null, NOW))
                .as("refunded without an amount").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertReturn(newCustomer(), "REQUESTED", "REFUND", "BORED", null, NOW))
                .as("an unknown reason").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertReturn(newCustomer(), "REQUESTED", "REFUND", "OTHER", null, NOW,
                new Line("A", 1, null), new Line("A", 2, null)))
                .as("one SKU on two lines").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void readinessReportsTheDatabase() {
        expectReady(http, "db");
    }

    @Test
    void theTopicsItWritesExistWithTheirDeadLetterTopics() {
        expectTopicsWithDeadLetters(environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                "returns.events", "payment.commands", "inventory.commands", "order.commands");
    }

    @Test
    void theEndpointIsDocumented() {
        expectDocumented(http, "/api/v1/returns", "/api/v1/returns/{id}");
    }

    private record Line(String sku, int quantity, String exchangeSku) {
    }

    private UUID settled(UUID id, String settlement) {
        jdbc.sql("update return_requests set settlement = :settlement where id = :id")
                .param("settlement", settlement).param("id", id).update();
        return id;
    }

    private UUID insertReturn(String customerId, String status, String resolution, String reason, Long refund,
            Instant createdAt, Line... lines) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into return_requests (id, order_id, customer_id, status, resolution, reason, comment,
                                                     refund_amount, currency, idempotency_key, created_at, updated_at)
                        values (:id, :order, :customer, :status, :resolution, :reason, 'arrived late', :refund,
                                :currency, :key, :at, :at)""")
                .param("id", id).param("order", UUID.randomUUID()).param("customer", customerId)
                .param("status", status).param("resolution", resolution).param("reason", reason)
                .param("refund", refund).param("currency", refund == null ? null : "EUR")
                .param("key", UUID.randomUUID().toString()).param("at", createdAt.atOffset(ZoneOffset.UTC))
                .update();
        for (int i = 0; i < lines.length; i++) {
            jdbc.sql("""
                            insert into return_lines (return_id, line_no, sku, quantity, exchange_sku)
                            values (:id, :no, :sku, :quantity, :exchangeSku)""")
                    .param("id", id).param("no", i + 1).param("sku", lines[i].sku())
                    .param("quantity", lines[i].quantity()).param("exchangeSku", lines[i].exchangeSku())
                    .update();
        }
        return id;
    }
}
