package io.tienda.order.replacement;

import io.tienda.order.support.OrderIT;
import io.tienda.order.support.Stubs;
import io.tienda.order.support.Stubs.Line;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.CreateReplacementOrder;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.saga.StockRejected;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.testing.messaging.EventMessages;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replacement orders asked for by returns-service on order.commands: created once with the id the
 * command chose, shipped to the original address at no charge, through the saga's stock steps only;
 * their details name the order they replace and the return's reference. An order whose address was
 * erased has nowhere to be replaced to: its replacement is rejected without being created.
 */
class ReplacementIT extends OrderIT {

    private static final Line MUG = new Line("MUG-1", 2, 1_000);

    private String customer;
    private String token;
    private UUID original;
    private EventMessages messages;

    @BeforeEach
    void placeTheOriginalOrder() {
        customer = TestTokens.newCustomer();
        token = TestTokens.customer(customer);
        stubs.cart(token, MUG);
        original = place(token, checkout("pm_card_visa"));
        messages = new EventMessages(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterEach
    void close() {
        messages.close();
    }

    private CreateReplacementOrder replacement(UUID id) {
        return new CreateReplacementOrder(id, original, customer, "RMA-2026-000042",
                List.of(new OrderLine("MUG-2", "p-mug", "Taza", 1, Money.of(0, "EUR"))));
    }

    @Test
    void aReplacementReservesAndCommitsStockWithoutPaymentAndIsCreatedOnce() {
        completeCheckout(original, MUG);
        UUID id = UUID.randomUUID();
        CreateReplacementOrder command = replacement(id);
        UUID eventId = messages.send(Topics.ORDER_COMMANDS, id.toString(), command);
        messages.send(Topics.ORDER_COMMANDS, id.toString(), eventId, command);   // redelivered
        messages.send(Topics.ORDER_COMMANDS, id.toString(), command);            // sent again

        JsonNode reserve = participants().inventory("inventory.reserve", id, 1).get(0).json();
        assertThat(reserve.get("lines").get(0).get("sku").asString()).isEqualTo("MUG-2");
        completeWithoutPayment(id);
        JsonNode confirmed = participants().facts("order.confirmed", id, 1).get(0).json();
        assertThat(confirmed.get("total").get("amount").asLong()).isZero();
        // a replacement is no sale: its facts name the order whose payment its goods were bought with
        assertThat(replacesOrderId(participants().facts("order.placed", id, 1).get(0).json()))
                .isEqualTo(original.toString());
        assertThat(replacesOrderId(confirmed)).isEqualTo(original.toString());
        assertThat(replacesOrderId(participants().facts("order.placed", original, 1).get(0).json()))
                .as("a sale replaces nothing").isNull();
        assertThat(replacesOrderId(participants().facts("order.confirmed", original, 1).get(0).json()))
                .as("a sale replaces nothing").isNull();
        assertThat(participants().all(Topics.PAYMENT_COMMANDS, id)).isEmpty();

        Map<String, Object> row = jdbc.sql("""
                        select o.total, o.replaces_order_id, o.reference, o.payment_method, o.ship_line1, o.ship_city,
                               o.customer_id, p.ship_line1 as original_line1
                          from orders o join orders p on p.id = o.replaces_order_id where o.id = :id""")
                .param("id", id).query().singleRow();
        assertThat(row.get("total")).isEqualTo(0L);
        assertThat(row.get("replaces_order_id")).isEqualTo(original);
        assertThat(row.get("reference")).isEqualTo("RMA-2026-000042");
        assertThat(row.get("payment_method")).isNull();
        assertThat(row.get("ship_line1")).isEqualTo(row.get("original_line1")).isEqualTo("Calle Mayor 1");
        assertThat(row.get("customer_id")).isEqualTo(customer);

        assertThat(count("select count(*) from orders where id = :id", id)).isEqualTo(1);
        assertThat(count("select count(*) from orders where replaces_order_id = :id", original)).isEqualTo(1);
        assertThat(participants().all(Topics.ORDER_EVENTS, id).stream().map(EventMessages.Published::type)
                .filter("order.placed"::equals)).hasSize(1);
        assertThat(participants().all(Topics.INVENTORY_COMMANDS, id).stream().map(EventMessages.Published::type)
                .filter("inventory.reserve"::equals)).hasSize(1);

        JsonNode originalOrder = api.get("/api/v1/orders/" + original, token).expect(200).json();
        assertThat(originalOrder.has("replaces")).as("an ordinary order replaces nothing").isFalse();
        String originalNumber = originalOrder.get("number").asString();
        assertThat(originalNumber).startsWith("TND-");
        for (String reader : List.of(token, TestTokens.staff("SUPPORT"))) {
            JsonNode details = api.get("/api/v1/orders/" + id, reader).expect(200).json();
            assertThat(details.get("number").asString()).startsWith("TND-").isNotEqualTo(originalNumber);
            assertReplaces(details, originalNumber);
        }
        JsonNode shipped = api.post("/api/v1/orders/" + id + "/shipment", TestTokens.staff("MANAGER"),
                Map.of("carrier", "SEUR", "trackingNumber", "1Z999")).expect(200).json();
        assertThat(shipped.get("status").asString()).isEqualTo("SHIPPED");
        assertReplaces(shipped, originalNumber);
    }

    /** The order an order fact says its order replaces; null when it names none (null or absent). */
    private static String replacesOrderId(JsonNode fact) {
        JsonNode replaces = fact.path("replacesOrderId");
        return replaces.isMissingNode() || replaces.isNull() ? null : replaces.asString();
    }

    /** The order details name the order the replacement replaces and the return's reference. */
    private void assertReplaces(JsonNode details, String originalNumber) {
        JsonNode replaces = details.get("replaces");
        assertThat(replaces).as("replaces of %s", details.get("id")).isNotNull();
        assertThat(replaces.get("orderId").asString()).isEqualTo(original.toString());
        assertThat(replaces.get("orderNumber").asString()).isEqualTo(originalNumber);
        assertThat(replaces.get("reference").asString()).isEqualTo("RMA-2026-000042");
    }

    @Test
    void aReplacementWithoutStockIsRejectedLikeAnyOrder() {
        UUID id = UUID.randomUUID();
        messages.send(Topics.ORDER_COMMANDS, id.toString(), replacement(id));

        participants().inventory("inventory.reserve", id, 1);
        participants().reply(id, new StockRejected(id, "insufficient-stock", List.of("MUG-2")));

        awaitStatus(id, "REJECTED");
        assertThat(participants().facts("order.rejected", id, 1).get(0).json().get("reason").asString())
                .isEqualTo("insufficient-stock");
        assertThat(participants().all(Topics.PAYMENT_COMMANDS, id)).isEmpty();
    }

    @Test
    void aReplacementForACustomerWhoErasedTheirAccountIsCreatedForTheOriginalCustomer() {
        completeCheckout(original, MUG);
        UUID id = UUID.randomUUID();
        // returns-service anonymises the return's customer on user.erased; the order keeps its customer
        String erased = "erased:" + UUID.randomUUID();
        messages.send(Topics.ORDER_COMMANDS, id.toString(), new CreateReplacementOrder(id, original, erased,
                "RMA-2026-000044", List.of(new OrderLine("MUG-2", "p-mug", "Taza", 1, Money.of(0, "EUR")))));

        participants().inventory("inventory.reserve", id, 1);
        assertThat(jdbc.sql("select customer_id from orders where id = :id and replaces_order_id = :original")
                .param("id", id).param("original", original).query(String.class).single()).isEqualTo(customer);
        assertThat(step(id)).isEqualTo("RESERVING_STOCK");
        assertThat(api.get("/api/v1/orders/" + id, token).expect(200).json().get("replaces").get("orderId")
                .asString()).isEqualTo(original.toString());
        assertThat(participants().all(Topics.deadLetter(Topics.ORDER_COMMANDS), id)).isEmpty();
    }

    @Test
    void aReplacementOfAnOrderWhoseAddressWasErasedIsRejectedAndNeverCreated() {
        UUID user = UUID.randomUUID();
        String shopper = TestTokens.customer(user.toString());
        stubs.cart(shopper, MUG);
        UUID erasedOrder = completedOrder(shopper, MUG);
        String manager = TestTokens.staff("MANAGER");
        api.post("/api/v1/orders/" + erasedOrder + "/shipment", manager,
                Map.of("carrier", "SEUR", "trackingNumber", "1Z999")).expect(200);
        api.post("/api/v1/orders/" + erasedOrder + "/delivery", manager, null).expect(200);
        participants().user(user, new UserErased(user, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from orders where id = :id and address_erased_at is not null", erasedOrder) == 1);

        UUID id = UUID.randomUUID();
        UUID eventId = messages.send(Topics.ORDER_COMMANDS, id.toString(), new CreateReplacementOrder(id, erasedOrder,
                "erased:" + UUID.randomUUID(), "RMA-2026-000045",
                List.of(new OrderLine("MUG-2", "p-mug", "Taza", 1, Money.of(0, "EUR")))));

        // what returns-service takes for a failed exchange (EXCHANGE_FAILED), as for a replacement without stock
        JsonNode rejected = participants().facts("order.rejected", id, 1).get(0).json();
        assertThat(rejected.get("reason").asString()).isEqualTo("address-erased");
        assertThat(rejected.get("customerId").asString()).isEqualTo(user.toString());
        assertThat(rejected.get("lines").get(0).get("sku").asString()).isEqualTo("MUG-2");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from tienda_inbox where consumer = 'order-commands' and event_id = :e")
                .param("e", eventId).query(Integer.class).single() == 1);
        assertThat(count("select count(*) from orders where id = :id", id)).isZero();
        assertThat(count("select count(*) from orders where replaces_order_id = :id", erasedOrder)).isZero();
        assertThat(participants().all(Topics.INVENTORY_COMMANDS, id)).isEmpty();
        assertThat(participants().all(Topics.deadLetter(Topics.ORDER_COMMANDS), id)).isEmpty();
    }

    @Test
    void aReplacementOfAnUnknownOrderIsDeadLettered() {
        UUID id = UUID.randomUUID();
        messages.send(Topics.ORDER_COMMANDS, id.toString(), new CreateReplacementOrder(id, UUID.randomUUID(), customer,
                "RMA-2026-000043", List.of(new OrderLine("MUG-2", "p-mug", "Taza", 1, Money.of(0, "EUR")))));

        assertThat(participants().await(Topics.deadLetter(Topics.ORDER_COMMANDS), "order.create_replacement",
                id.toString(), 1)).hasSize(1);
        assertThat(count("select count(*) from orders where id = :id", id)).isZero();
    }
}
