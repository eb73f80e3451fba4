package io.tienda.order;

import io.tienda.order.orders.domain.ShippingAddress;
import io.tienda.order.support.OrderIT;
import io.tienda.platform.testing.SchemaAtVersion;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static io.tienda.platform.testing.ServiceChecks.expectDocumented;
import static io.tienda.platform.testing.ServiceChecks.expectProblem;
import static io.tienda.platform.testing.ServiceChecks.expectReady;
import static io.tienda.platform.testing.ServiceChecks.expectTopicsWithDeadLetters;
import static io.tienda.platform.testing.security.TestTokens.customer;
import static io.tienda.platform.testing.security.TestTokens.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** order-service against real PostgreSQL and Kafka: the order endpoints, who sees what, and its stores. */
class OrderServiceIT extends OrderIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    DataSource dataSource;

    @Test
    void aCustomerListsTheirOwnOrdersNewestFirstPageByPage() {
        String alice = newCustomer();
        UUID oldest = insertOrder(alice, "DELIVERED", NOW.minusSeconds(300), new Line("SKU-1", 1, 1000));
        UUID middle = insertOrder(alice, "CONFIRMED", NOW.minusSeconds(200), new Line("SKU-2", 3, 250));
        UUID newest = insertOrder(alice, "PENDING", NOW.minusSeconds(100), new Line("SKU-1", 2, 1000),
                new Line("SKU-3", 1, 199));
        insertOrder(newCustomer(), "PENDING", NOW, new Line("SKU-1", 1, 1000));

        http.get().uri("/api/v1/orders?page=0&size=2").headers(h -> h.setBearerAuth(customer(alice)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(newest.toString())
                .jsonPath("$.items[0].status").isEqualTo("PENDING")
                .jsonPath("$.items[0].itemCount").isEqualTo(3)
                .jsonPath("$.items[0].totals.currency").isEqualTo("EUR")
                .jsonPath("$.items[0].totals.subtotal").isEqualTo(2199)
                .jsonPath("$.items[0].totals.total").isEqualTo(2199 + 499)
                .jsonPath("$.items[1].id").isEqualTo(middle.toString());

        http.get().uri("/api/v1/orders?page=1&size=2").headers(h -> h.setBearerAuth(customer(alice)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(oldest.toString());
    }

    @Test
    void aCustomerWithoutOrdersGetsAnEmptyPage() {
        http.get().uri("/api/v1/orders").headers(h -> h.setBearerAuth(customer(newCustomer())))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items").isEmpty()
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(20)
                .jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void theOwnerSeesTheirOrderWithItsLines() {
        String alice = newCustomer();
        UUID id = insertOrder(alice, "SHIPPED", NOW, new Line("SKU-1", 2, 1000), new Line("SKU-9", 1, 50));

        http.get().uri("/api/v1/orders/{id}", id).headers(h -> h.setBearerAuth(customer(alice)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(id.toString())
                .jsonPath("$.customerId").isEqualTo(alice)
                .jsonPath("$.status").isEqualTo("SHIPPED")
                .jsonPath("$.totals.total").isEqualTo(2050 + 499)
                .jsonPath("$.lines.length()").isEqualTo(2)
                .jsonPath("$.lines[0].sku").isEqualTo("SKU-1")
                .jsonPath("$.lines[0].quantity").isEqualTo(2)
                .jsonPath("$.lines[0].unitPrice").isEqualTo(1000)
                .jsonPath("$.lines[0].lineTotal").isEqualTo(2000)
                .jsonPath("$.lines[1].sku").isEqualTo("SKU-9")
                .jsonPath("$.createdAt").isEqualTo(NOW.toString());
    }

    @Test
    void anotherCustomersOrderDoesNotExistForThemButStaffSeeIt() {
        UUID id = insertOrder(newCustomer(), "CONFIRMED", NOW, new Line("SKU-1", 1, 1000));

        expectProblem(http.get().uri("/api/v1/orders/{id}", id).headers(h -> h.setBearerAuth(customer(newCustomer())))
                .exchange(), 404, "not-found");
        for (String role : new String[] {"SUPPORT", "MANAGER", "ADMIN"}) {
            http.get().uri("/api/v1/orders/{id}", id).headers(h -> h.setBearerAuth(TestTokens.token("staff-1", role)))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.id").isEqualTo(id.toString());
        }
    }

    @Test
    void staffListACustomersOrdersButForCustomersSomeoneElsesDoNotExist() {
        String alice = newCustomer();
        UUID id = insertOrder(alice, "CONFIRMED", NOW, new Line("SKU-1", 1, 1000));

        http.get().uri("/api/v1/orders?customerId={c}", alice)
                .headers(h -> h.setBearerAuth(TestTokens.token("support-1", "SUPPORT")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(id.toString());
        http.get().uri("/api/v1/orders?customerId={c}", alice).headers(h -> h.setBearerAuth(customer(alice)))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1);
        expectProblem(http.get().uri("/api/v1/orders?customerId={c}", alice)
                .headers(h -> h.setBearerAuth(customer(newCustomer()))).exchange(), 404, "not-found");
    }

    @Test
    void anUnknownOrderIsANotFoundProblem() {
        expectProblem(http.get().uri("/api/v1/orders/{id}", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(TestTokens.token("admin-1", "ADMIN"))).exchange(), 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/orders", "/api/v1/orders/0b5e4f44-5d5e-4a43-9a3e-3c1c5ad3d1a1"})
    void anonymousCallersGetAnUnauthorizedProblem(String path) {
        expectProblem(http.get().uri(path).exchange(), 401, "unauthorized");
        expectProblem(http.get().uri(path).headers(h -> h.setBearerAuth("not-a-token")).exchange(), 401,
                "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/orders?page=-1", "/api/v1/orders?page=abc", "/api/v1/orders?size=0",
            "/api/v1/orders?size=101", "/api/v1/orders?size=ten", "/api/v1/orders?page=99999999999",
            "/api/v1/orders?page=10001",
            "/api/v1/orders?customerId=", "/api/v1/orders/not-a-uuid", "/api/v1/orders?status=LOST",
            "/api/v1/orders?from=yesterday"})
    void badParametersAreBadRequestProblems(String path) {
        expectProblem(http.get().uri(path).headers(h -> h.setBearerAuth(customer(newCustomer()))).exchange(), 400);
    }

    @Test
    void theTableRefusesOrdersThatDoNotAddUpOrHaveAnUnknownStatus() {
        assertThatThrownBy(() -> insertOrder(newCustomer(), "LOST", NOW, new Line("SKU-1", 1, 1000)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into orders (id, customer_id, status, currency, subtotal, total, idempotency_key)
                        values (:id, 'c', 'PENDING', 'EUR', 1000, 999, :key)""")
                .param("id", UUID.randomUUID()).param("key", UUID.randomUUID().toString()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    /**
     * Migration V5 on orders stored by earlier versions: line breaks and control characters in their
     * shipping address become spaces, every address still reads back through the checks a new one meets,
     * and the table refuses them from then on.
     */
    @Test
    void shippingAddressesStoredWithLineBreaksAreCleanedAndStillReadBack() {
        try (SchemaAtVersion earlier = SchemaAtVersion.migratedTo(dataSource, "plain_address", "4")) {
            String schema = earlier.name();
            UUID broken = storedBefore(schema, "Ana\r\nBcc: x@example.com", "Calle Mayor 1\u2028Piso 3", "3º\tB",
                    "Ma\u0085drid");
            UUID nothingElse = storedBefore(schema, "\u0001", "\u0007\u2029", "\u001b", "Madrid\u2003\n");
            UUID clean = storedBefore(schema, "Ana García", "Calle Mayor 1", "3º B", "Madrid");

            earlier.migrateToLatest();

            assertThat(address(schema, broken)).isEqualTo(new ShippingAddress("Ana Bcc: x@example.com",
                    "Calle Mayor 1 Piso 3", "3º B", "Ma drid", "28013", "ES"));
            assertThat(address(schema, nothingElse)).isEqualTo(new ShippingAddress("?", "?", null, "Madrid", "28013",
                    "ES"));
            assertThat(address(schema, clean)).isEqualTo(new ShippingAddress("Ana García", "Calle Mayor 1", "3º B",
                    "Madrid", "28013", "ES"));
            assertThat(jdbc.sql("select count(*) from " + schema + ".orders where concat_ws(' ', ship_name, "
                    + "ship_line1, ship_line2, ship_city) ~ '[\\x01-\\x1f\\x7f-\\x9f\\u2028\\u2029]'")
                    .query(Integer.class).single()).isZero();
            assertThatThrownBy(() -> jdbc.sql("update " + schema + ".orders set ship_line2 = :line where id = :id")
                    .param("line", "3º\nB").param("id", clean).update())
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    /**
     * Migration V6 on sagas stored by earlier versions: each gets what of it needs attention by the rule the
     * service applies to new ones (Attention.of): given-up compensations once ENDED, a refused refund at any
     * step, nothing for the rest.
     */
    @Test
    void sagasStoredBeforeGetWhatOfThemNeedsAttention() {
        try (SchemaAtVersion earlier = SchemaAtVersion.migratedTo(dataSource, "attention", "5")) {
            String schema = earlier.name();
            UUID gaveUp = sagaStoredBefore(schema, "ENDED", "[\"PAYMENT_CAPTURED\"]",
                    "[\"RELEASE_STOCK\", \"REFUND_PAYMENT\"]");
            UUID refused = sagaStoredBefore(schema, "COMPENSATING", "[\"PAYMENT_CAPTURED\", \"REFUND_REFUSED\"]",
                    "[\"RELEASE_STOCK\"]");
            UUID stillAsking = sagaStoredBefore(schema, "COMPENSATING", "[]", "[\"VOID_PAYMENT\"]");
            UUID done = sagaStoredBefore(schema, "ENDED", "[\"PAYMENT_CAPTURED\"]", "[]");

            earlier.migrateToLatest();

            assertThat(attention(schema, gaveUp)).containsExactly("STOCK_RELEASE_UNCONFIRMED", "REFUND_UNCONFIRMED");
            assertThat(attention(schema, refused)).containsExactly("REFUND_REFUSED");
            assertThat(attention(schema, stillAsking)).isEmpty();
            assertThat(attention(schema, done)).isEmpty();
            assertThat(jdbc.sql("select count(*) from " + schema + ".saga_instance where resolved_at is not null")
                    .query(Integer.class).single()).isZero();
        }
    }

    /**
     * Migration V7 on orders cancelled before: each gets the refund its shopper is now shown, by the rule the
     * service applies to new ones (RefundState.of, forShopper), dated by its saga's last change; orders with
     * nothing to refund get none. V8 then gives each refund the total as its amount.
     */
    @Test
    void ordersCancelledBeforeShowTheRefundTheirSagaKnows() {
        try (SchemaAtVersion earlier = SchemaAtVersion.migratedTo(dataSource, "refund", "6")) {
            String schema = earlier.name();
            UUID refunded = sagaStoredBefore(schema, "ENDED", "CANCELLED", "[\"PAYMENT_CAPTURED\"]", "[]");
            UUID asked = sagaStoredBefore(schema, "COMPENSATING", "CANCELLED", "[\"PAYMENT_CAPTURED\"]",
                    "[\"REFUND_PAYMENT\"]");
            UUID gaveUp = sagaStoredBefore(schema, "ENDED", "CANCELLED", "[\"PAYMENT_CAPTURED\"]",
                    "[\"REFUND_PAYMENT\"]");
            UUID refused = sagaStoredBefore(schema, "ENDED", "CANCELLED",
                    "[\"PAYMENT_CAPTURED\", \"REFUND_REFUSED\"]", "[]");
            UUID voided = sagaStoredBefore(schema, "ENDED", "CANCELLED", "[\"PAYMENT_AUTHORIZED\"]", "[]");
            UUID completed = sagaStoredBefore(schema, "ENDED", "COMPLETED", "[\"PAYMENT_CAPTURED\"]", "[]");
            jdbc.sql("update " + schema + ".saga_instance set updated_at = timestamptz '2026-03-01T10:00:00Z'")
                    .update();

            earlier.migrateToLatest();

            assertThat(refundStatus(schema, refunded)).isEqualTo("REFUNDED");
            assertThat(refundStatus(schema, asked)).isEqualTo("PENDING");
            assertThat(refundStatus(schema, gaveUp)).isEqualTo("PENDING");
            assertThat(refundStatus(schema, refused)).isEqualTo("FAILED");
            assertThat(refundStatus(schema, voided)).isNull();
            assertThat(refundStatus(schema, completed)).isNull();
            assertThat(jdbc.sql("select distinct refund_updated_at from " + schema + ".orders where refund_status "
                    + "is not null").query(OffsetDateTime.class).single().toInstant())
                    .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
            assertThatThrownBy(() -> jdbc.sql("update " + schema
                            + ".orders set refund_status = 'MAYBE' where id = :id")
                    .param("id", voided).update()).isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> jdbc.sql("update " + schema
                            + ".orders set refund_updated_at = null where id = :id")
                    .param("id", refunded).update()).isInstanceOf(DataIntegrityViolationException.class);
            // V8: their sagas' answers were not kept, so their refund is for the total they were shown
            assertThat(jdbc.sql("select refund_amount from " + schema + ".orders where id in (:ids)")
                    .param("ids", List.of(refunded, asked, gaveUp, refused)).query(Long.class).list())
                    .containsOnly(1000L).hasSize(4);
            assertThat(jdbc.sql("select count(*) from " + schema + ".orders where refund_amount is not null and id "
                    + "in (:ids)").param("ids", List.of(voided, completed)).query(Integer.class).single()).isZero();
            assertThatThrownBy(() -> jdbc.sql("update " + schema + ".orders set refund_amount = null where id = :id")
                    .param("id", refunded).update()).isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> jdbc.sql("update " + schema + ".orders set refund_amount = -1 where id = :id")
                    .param("id", refunded).update()).isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    /**
     * Migration V10 on customers erased before their words went with their account: on their ended orders
     * (address already erased) the reasons they wrote read {@code erased}, in the history and in the
     * checkout's copy; what the service, staff or the checkout wrote stays, and so does every reason of a
     * customer not erased.
     */
    @Test
    void reasonsWrittenByCustomersErasedBeforeAreErasedToo() {
        try (SchemaAtVersion earlier = SchemaAtVersion.migratedTo(dataSource, "erased_reasons", "9")) {
            String schema = earlier.name();
            UUID erased = sagaStoredBefore(schema, "ENDED", "CANCELLED", "[]", "[]");
            UUID kept = sagaStoredBefore(schema, "ENDED", "CANCELLED", "[]", "[]");
            jdbc.sql("update " + schema + ".orders set customer_id = 'c-2' where id = :id").param("id", kept).update();
            jdbc.sql("insert into " + schema + ".erased_customers (customer_id, erased_at) values ('c-1', now())")
                    .update();
            jdbc.sql("update " + schema + ".orders set ship_name = null, ship_line1 = null, ship_line2 = null, "
                    + "ship_city = null, request_hash = null, address_erased_at = now() where id = :id")
                    .param("id", erased).update();
            for (UUID id : List.of(erased, kept)) {
                String customer = id.equals(erased) ? "c-1" : "c-2";
                history(schema, id, 1, customer, "placed");
                history(schema, id, 2, customer, "moving to Lisbon, Rua Augusta 5");
                history(schema, id, 3, "staff-1", "customer phoned: keep the parcel at Rua Augusta 5");
                history(schema, id, 4, "checkout-saga", "payment-failed: declined");
                history(schema, id, 5, customer, "cancelled by customer");
                jdbc.sql("update " + schema + ".saga_instance set data = jsonb_set(data, '{reason}', "
                        + "to_jsonb('moving to Lisbon, Rua Augusta 5'::text)) where order_id = :id").param("id", id)
                        .update();
            }

            earlier.migrateToLatest();

            assertThat(reasons(schema, erased)).containsExactly("placed", "erased",
                    "customer phoned: keep the parcel at Rua Augusta 5", "payment-failed: declined",
                    "cancelled by customer");
            assertThat(sagaReason(schema, erased)).isEqualTo("erased");
            assertThat(reasons(schema, kept)).containsExactly("placed", "moving to Lisbon, Rua Augusta 5",
                    "customer phoned: keep the parcel at Rua Augusta 5", "payment-failed: declined",
                    "cancelled by customer");
            assertThat(sagaReason(schema, kept)).isEqualTo("moving to Lisbon, Rua Augusta 5");
        }
    }

    private void history(String schema, UUID orderId, int seq, String actor, String reason) {
        jdbc.sql("insert into " + schema + ".order_status_history (order_id, seq, from_status, to_status, at, actor, "
                        + "reason) values (:id, :seq, null, 'CANCELLED', now(), :actor, :reason)")
                .param("id", orderId).param("seq", seq).param("actor", actor).param("reason", reason).update();
    }

    private List<String> reasons(String schema, UUID orderId) {
        return jdbc.sql("select reason from " + schema + ".order_status_history where order_id = :id order by seq")
                .param("id", orderId).query(String.class).list();
    }

    private String sagaReason(String schema, UUID orderId) {
        return jdbc.sql("select data ->> 'reason' from " + schema + ".saga_instance where order_id = :id")
                .param("id", orderId).query(String.class).single();
    }

    private String refundStatus(String schema, UUID id) {
        return jdbc.sql("select refund_status from " + schema + ".orders where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }


    private UUID sagaStoredBefore(String schema, String step, String facts, String pending) {
        return sagaStoredBefore(schema, step, null, facts, pending);
    }

    /** A saga as stored before, with its order; {@code outcome} null while it goes forward. */
    private UUID sagaStoredBefore(String schema, String step, String outcome, String facts, String pending) {
        UUID id = storedBefore(schema, "Ana García", "Calle Mayor 1", null, "Madrid");
        jdbc.sql("insert into " + schema + """
                        .saga_instance (order_id, step, attempts, data, created_at, updated_at)
                        values (:id, :step, 3, cast(:data as jsonb), now(), now())""")
                .param("id", id).param("step", step)
                .param("data", "{\"step\": \"" + step + "\", \"outcome\": "
                        + (outcome == null ? "null" : "\"" + outcome + "\"") + ", \"facts\": " + facts
                        + ", \"pending\": " + pending + "}")
                .update();
        return id;
    }

    private List<String> attention(String schema, UUID id) {
        return jdbc.sql("select unnest(attention) from " + schema + ".saga_instance where order_id = :id")
                .param("id", id).query(String.class).list();
    }

    private UUID storedBefore(String schema, String name, String line1, String line2, String city) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + schema + """
                        .orders (id, number, customer_id, status, currency, subtotal, total, idempotency_key,
                                 ship_name, ship_line1, ship_line2, ship_city, ship_postcode, ship_country)
                        values (:id, :number, 'c-1', 'DELIVERED', 'EUR', 1000, 1000, :key, :name, :line1, :line2,
                                :city, '28013', 'ES')""")
                .param("id", id).param("number", "TND-2025-" + id.toString().substring(0, 8))
                .param("key", id.toString()).param("name", name).param("line1", line1).param("line2", line2)
                .param("city", city).update();
        return id;
    }

    /** The stored address as the service reads it back (JdbcOrders), through ShippingAddress's checks. */
    private ShippingAddress address(String schema, UUID id) {
        return jdbc.sql("select ship_name, ship_line1, ship_line2, ship_city, ship_postcode, ship_country from "
                        + schema + ".orders where id = :id").param("id", id)
                .query((rs, row) -> new ShippingAddress(rs.getString("ship_name"), rs.getString("ship_line1"),
                        rs.getString("ship_line2"), rs.getString("ship_city"), rs.getString("ship_postcode"),
                        rs.getString("ship_country")))
                .single();
    }

    @Test
    void readinessReportsTheDatabase() {
        expectReady(http, "db");
    }

    @Test
    void theTopicsItWritesExistWithTheirDeadLetterTopics() {
        expectTopicsWithDeadLetters(environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                "order.events", "order.saga.replies", "inventory.commands", "payment.commands", "product.commands");
    }

    @Test
    void couponUsesTravelAsCommandsSoTheOldTaskTableIsGone() {
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name = 'coupon_tasks'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theEndpointsAreDocumented() {
        expectDocumented(http, "/api/v1/orders", "/api/v1/orders/{id}");
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/orders'].post").exists()
                .jsonPath("$.paths['/api/v1/orders/{id}/cancellation'].post").exists()
                .jsonPath("$.paths['/api/v1/orders/{id}/shipment'].post").exists()
                .jsonPath("$.paths['/api/v1/orders/{id}/delivery'].post").exists()
                .jsonPath("$.paths['/api/v1/orders/{id}/checkout'].get").exists()
                .jsonPath("$.paths['/api/v1/orders/checkouts/attention'].get").exists()
                .jsonPath("$.paths['/api/v1/orders/{id}/checkout/resolution'].post").exists();
    }

    private record Line(String sku, int quantity, long unitPrice) {
    }

    /** Writes an order straight into the table, the way checkout will leave it; shipping is 4.99. */
    private UUID insertOrder(String customerId, String status, Instant createdAt, Line... lines) {
        UUID id = UUID.randomUUID();
        long subtotal = Arrays.stream(lines).mapToLong(l -> l.unitPrice() * l.quantity()).sum();
        OffsetDateTime at = createdAt.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into orders (id, customer_id, status, currency, subtotal, discount, shipping, tax, total,
                                            idempotency_key, created_at, updated_at)
                        values (:id, :customer, :status, 'EUR', :subtotal, 0, 499, 0, :total, :key, :at, :at)""")
                .param("id", id).param("customer", customerId).param("status", status)
                .param("subtotal", subtotal).param("total", subtotal + 499)
                .param("key", UUID.randomUUID().toString()).param("at", at)
                .update();
        for (int i = 0; i < lines.length; i++) {
            Line line = lines[i];
            jdbc.sql("""
                            insert into order_lines (order_id, line_no, sku, product_id, name, quantity, unit_price,
                                                     line_total)
                            values (:order, :no, :sku, :product, :name, :quantity, :price, :total)""")
                    .param("order", id).param("no", i + 1).param("sku", line.sku())
                    .param("product", "product-" + line.sku()).param("name", "Product " + line.sku())
                    .param("quantity", line.quantity()).param("price", line.unitPrice())
                    .param("total", line.unitPrice() * line.quantity())
                    .update();
        }
        return id;
    }
}
