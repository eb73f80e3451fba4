package io.tienda.returns;

import io.tienda.platform.testing.SchemaAtVersion;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
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

    @Autowired
    DataSource dataSource;

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

    /**
     * Migrations V10 and V11 on replacements delivered before them, recorded at the price 0 order-service ships
     * them at: an exchanged return's replacement gets the order that paid (the first of the chain for a replacement
     * of a replacement) and, per SKU, what the accepted units it replaces were paid and sold at, as a replacement
     * delivered since gets them. The returns of a replacement that were priced at its 0 and refunded nothing yet
     * are priced from its lines as they stand (V11), so a replacement of a replacement is worth what was paid on
     * the first order too. Orders that are no replacement of an exchange, and every other return, stay as they were.
     */
    @Test
    void replacementsDeliveredBeforeAreWorthWhatTheFirstOrderOfTheirChainPaid() {
        try (SchemaAtVersion earlier = SchemaAtVersion.migratedTo(dataSource, "replacements", "9")) {
            String schema = earlier.name();
            StoredBefore before = new StoredBefore(schema);
            // bought: two mugs for 20.01, T-shirts in three sizes; sent back for an exchange to size L, one mug
            // accepted (10.00 of the 20.01, rounded down as its refund would be), the XL not accepted at all
            UUID original = before.delivered(new Bought("MUG-1", 2, 1000, 2001), new Bought("TSHIRT-M", 1, 1500, 1200),
                    new Bought("TSHIRT-S", 1, 1400, 1400), new Bought("TSHIRT-XL", 1, 9900, 9900));
            UUID replacement = UUID.randomUUID();
            before.returned(original, "EXCHANGED", replacement, null,
                    new Sent("MUG-1", 2, 1000L, 2001L, "MUG-1", 1),
                    new Sent("TSHIRT-M", 1, 1500L, 1200L, "TSHIRT-L", 1),
                    // created before a line's share was kept: its catalog price is all there is
                    new Sent("TSHIRT-S", 1, 1400L, null, "TSHIRT-L", 1),
                    new Sent("TSHIRT-XL", 1, 9900L, 9900L, "TSHIRT-L", 0));
            before.delivered(replacement, new Bought("MUG-1", 1, 0, 0), new Bought("TSHIRT-L", 2, 0, 0));
            // returns of the replacement, priced from its lines at 0: one refunded (0) already, one still open
            before.returned(replacement, "REFUNDED", null, 0L, new Sent("MUG-1", 1, 0L, 0L, null, 1));
            UUID open = before.returned(replacement, "REQUESTED", null, null,
                    new Sent("TSHIRT-L", 1, 0L, 0L, null, null));

            // three lamps for 80.00, two accepted and replaced; one of those exchanged again: its return was
            // priced from the replacement's lines as they stood, at 0
            UUID lamps = before.delivered(new Bought("LAMP-1", 3, 3000, 8000));
            UUID firstReplacement = UUID.randomUUID();
            UUID secondReplacement = UUID.randomUUID();
            before.returned(lamps, "EXCHANGED", firstReplacement, null,
                    new Sent("LAMP-1", 3, 3000L, 8000L, "LAMP-1", 2));
            before.delivered(firstReplacement, new Bought("LAMP-1", 2, 0, 0));
            UUID exchangedAgain = before.returned(firstReplacement, "EXCHANGED", secondReplacement, null,
                    new Sent("LAMP-1", 2, 0L, 0L, "LAMP-1", 1));
            before.delivered(secondReplacement, new Bought("LAMP-1", 1, 0, 0));

            // an exchange refunded instead although its replacement was delivered, and a rejected return
            UUID refundedInstead = before.delivered(new Bought("VASE-1", 1, 2500, 2500));
            UUID notAReplacement = UUID.randomUUID();
            before.returned(refundedInstead, "REFUNDED", notAReplacement, 2500L,
                    new Sent("VASE-1", 1, 2500L, 2500L, "VASE-1", 1));
            before.delivered(notAReplacement, new Bought("VASE-1", 1, 0, 0));
            UUID rejected = before.delivered(new Bought("BOWL-1", 1, 1800, 1800));
            before.returned(rejected, "REJECTED", null, null, new Sent("BOWL-1", 1, 1800L, 1800L, "BOWL-1", 0));
            UUID ordinary = before.delivered(new Bought("CUP-1", 4, 250, 900));
            List<String> otherReturnLines = before.returnLinesExcept(exchangedAgain, open);

            earlier.migrateToLatest();

            assertThat(before.paidBy(replacement)).contains(original);
            assertThat(before.lines(replacement)).containsExactly(new Bought("MUG-1", 1, 1000, 1000),
                    new Bought("TSHIRT-L", 2, 1500, 1200 + 1400));
            assertThat(before.paidBy(firstReplacement)).contains(lamps);
            assertThat(before.lines(firstReplacement)).containsExactly(new Bought("LAMP-1", 2, 3000, 5333));
            assertThat(before.paidBy(secondReplacement)).as("a replacement of a replacement").contains(lamps);
            assertThat(before.lines(secondReplacement)).as("what the lamp it replaces was paid on the first order")
                    .containsExactly(new Bought("LAMP-1", 1, 3000, 2666));
            assertThat(before.paidBy(notAReplacement)).isEmpty();
            assertThat(before.lines(notAReplacement)).containsExactly(new Bought("VASE-1", 1, 0, 0));
            for (UUID order : List.of(original, lamps, refundedInstead, rejected, ordinary)) {
                assertThat(before.paidBy(order)).as("order %s pays for itself", order).isEmpty();
            }
            assertThat(before.lines(original)).containsExactly(new Bought("MUG-1", 2, 1000, 2001),
                    new Bought("TSHIRT-M", 1, 1500, 1200), new Bought("TSHIRT-S", 1, 1400, 1400),
                    new Bought("TSHIRT-XL", 1, 9900, 9900));
            assertThat(before.lines(rejected)).containsExactly(new Bought("BOWL-1", 1, 1800, 1800));
            assertThat(before.lines(ordinary)).containsExactly(new Bought("CUP-1", 4, 250, 900));
            assertThat(before.sent(exchangedAgain)).as("priced as the replacement's lines stand now")
                    .containsExactly(new Sent("LAMP-1", 2, 3000L, 5333L, "LAMP-1", 1));
            assertThat(before.sent(open)).as("the first of the two T-shirts' share of 26.00")
                    .containsExactly(new Sent("TSHIRT-L", 1, 1500L, 1300L, null, null));
            assertThat(before.returnLinesExcept(exchangedAgain, open)).as("refunds made, and returns of orders paid "
                    + "for themselves, stay as they were").isEqualTo(otherReturnLines);
        }
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

    /** A line of a delivered order: units, catalog price of one, what all of them were paid. */
    private record Bought(String sku, int quantity, long unitPrice, long paid) {
    }

    /** A return line as stored before V10; {@code paid} null on lines created before it was kept. */
    private record Sent(String sku, int quantity, Long unitPrice, Long paid, String exchangeSku, Integer accepted) {
    }


    /** Delivered orders and their returns in a schema migrated to V9, as the service stored them then. */
    private final class StoredBefore {

        private final String schema;
        private final String customer = newCustomer();
        private Instant at = NOW.minus(10, ChronoUnit.DAYS);
        private int returns;

        StoredBefore(String schema) {
            this.schema = schema;
        }

        UUID delivered(Bought... lines) {
            return delivered(UUID.randomUUID(), lines);
        }

        UUID delivered(UUID order, Bought... lines) {
            jdbc.sql("insert into " + schema + """
                            .delivered_orders (order_id, order_number, customer_id, currency, delivered_at)
                            values (:id, :number, :customer, 'EUR', :at)""")
                    .param("id", order).param("number", "TND-" + order.toString().substring(0, 8))
                    .param("customer", customer).param("at", next()).update();
            for (Bought line : lines) {
                jdbc.sql("insert into " + schema + """
                                .delivered_order_lines (order_id, sku, product_id, name, quantity, unit_price, paid)
                                values (:id, :sku, 'P-' || :sku, :sku, :quantity, :price, :paid)""")
                        .param("id", order).param("sku", line.sku()).param("quantity", line.quantity())
                        .param("price", line.unitPrice()).param("paid", line.paid()).update();
            }
            return order;
        }

        UUID returned(UUID order, String status, UUID replacement, Long refund, Sent... lines) {
            UUID id = UUID.randomUUID();
            jdbc.sql("insert into " + schema + """
                            .return_requests (id, rma, order_id, order_number, customer_id, status, resolution, reason,
                                              refund_amount, currency, replacement_order_id, idempotency_key,
                                              created_at, updated_at)
                            values (:id, :rma, :order, :number, :customer, :status, :resolution, 'SIZE_OR_FIT', :refund,
                                    :currency, :replacement, :key, :at, :at)""")
                    .param("id", id).param("rma", "RMA-2026-%06d".formatted(++returns))
                    .param("order", order).param("number", "TND-" + order.toString().substring(0, 8))
                    .param("customer", customer).param("status", status).param("refund", refund)
                    .param("resolution", lines[0].exchangeSku() == null ? "REFUND" : "EXCHANGE")
                    .param("currency", refund == null ? null : "EUR").param("replacement", replacement)
                    .param("key", id.toString()).param("at", next()).update();
            for (int i = 0; i < lines.length; i++) {
                Sent line = lines[i];
                jdbc.sql("insert into " + schema + """
                                .return_lines (return_id, line_no, sku, product_id, name, quantity, unit_price, paid,
                                               reason, exchange_sku, accepted_quantity, restockable)
                                values (:id, :no, :sku, 'P-' || :sku, :sku, :quantity, :price, :paid, 'SIZE_OR_FIT',
                                        :exchange, :accepted, :restockable)""")
                        .param("id", id).param("no", i + 1).param("sku", line.sku()).param("quantity", line.quantity())
                        .param("price", line.unitPrice()).param("paid", line.paid())
                        .param("exchange", line.exchangeSku()).param("accepted", line.accepted())
                        .param("restockable", line.accepted() == null ? null : line.accepted() > 0).update();
            }
            return id;
        }

        Optional<UUID> paidBy(UUID order) {
            return jdbc.sql("select paid_order_id from " + schema + ".delivered_orders where order_id = :id")
                    .param("id", order)
                    .query((rs, row) -> Optional.ofNullable(rs.getObject("paid_order_id", UUID.class)))
                    .single();
        }

        List<Bought> lines(UUID order) {
            return jdbc.sql("select sku, quantity, unit_price, paid from " + schema
                            + ".delivered_order_lines where order_id = :id order by sku")
                    .param("id", order)
                    .query((rs, row) -> new Bought(rs.getString("sku"), rs.getInt("quantity"),
                            rs.getLong("unit_price"), rs.getLong("paid")))
                    .list();
        }

        List<Sent> sent(UUID returnId) {
            return jdbc.sql("select sku, quantity, unit_price, paid, exchange_sku, accepted_quantity from " + schema
                            + ".return_lines where return_id = :id order by line_no")
                    .param("id", returnId)
                    .query((rs, row) -> new Sent(rs.getString("sku"), rs.getInt("quantity"),
                            rs.getObject("unit_price", Long.class), rs.getObject("paid", Long.class),
                            rs.getString("exchange_sku"), rs.getObject("accepted_quantity", Integer.class)))
                    .list();
        }

        /** Every return line but those of some returns, as text to compare before and after. */
        List<String> returnLinesExcept(UUID... returnIds) {
            return jdbc.sql("select concat_ws('|', return_id, line_no, sku, quantity, unit_price, paid, exchange_sku, "
                            + "accepted_quantity) from " + schema + ".return_lines where return_id not in (:ids) "
                            + "order by return_id, line_no")
                    .param("ids", List.of(returnIds)).query(String.class).list();
        }

        private OffsetDateTime next() {
            at = at.plusSeconds(60);
            return at.atOffset(ZoneOffset.UTC);
        }
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
