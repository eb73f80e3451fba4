package io.tienda.e2e;

import io.tienda.e2e.Checkouts.Shopper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.e2e.Checkouts.EVENTUALLY;
import static io.tienda.e2e.Checkouts.addToCart;
import static io.tienda.e2e.Checkouts.available;
import static io.tienda.e2e.Checkouts.call;
import static io.tienda.e2e.Checkouts.checkoutOnce;
import static io.tienda.e2e.Checkouts.finalOrder;
import static io.tienda.e2e.Checkouts.newShopper;
import static io.tienda.e2e.Checkouts.order;
import static io.tienda.e2e.Checkouts.payments;
import static io.tienda.e2e.Checkouts.productWithStock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The checkout across the whole fleet, through the gateway: cart-service's snapshot, order-service's
 * saga, inventory-service's reservation, payment-service's simulated provider with Stripe's test
 * payment methods, and the facts on Kafka. Each test has a product of its own with a known stock,
 * so the stock figures it checks are exact.
 */
@ExtendWith(Fleet.class)
class CheckoutJourneyIT {

    private static final String KAFKA = System.getProperty("tienda.e2e.kafka", "localhost:9092");

    /**
     * Two customers who buy the same two products make each the other's "bought together" on its product
     * page, from order.confirmed through product-service; one customer alone would not (it would tell
     * what that customer bought). product-service keeps each answer for a minute per product and limit,
     * so each read asks with a limit not asked before, once the purchase is known to be recorded.
     */
    @Test
    void productsCustomersBuyTogetherAreRecommendedTogether() {
        Checkouts.Product mug = productWithStock("TOGETHER", 10);
        Checkouts.Product plate = productWithStock("TOGETHER", 10);
        String recommendations = "/api/v1/products/" + mug.id() + "/recommendations?limit=";

        buyAndReview(mug, plate);
        Api.Reply afterOne = call("GET", recommendations + 19, null, null);
        assertThat(afterOne.status()).as(afterOne.body()).isEqualTo(200);
        assertThat(afterOne.json().get("items").toString()).doesNotContain("bought-together");

        buyAndReview(mug, plate);
        Api.Reply afterTwo = call("GET", recommendations + 20, null, null);
        assertThat(afterTwo.status()).as(afterTwo.body()).isEqualTo(200);
        JsonNode first = afterTwo.json().get("items").get(0);
        assertThat(first.get("reason").asString()).isEqualTo("bought-together");
        assertThat(first.get("product").get("id").asString()).isEqualTo(plate.id());
    }

    /**
     * A new customer buys both and reviews the first; the review turning verified says product-service
     * has recorded the purchase (it records purchases before it verifies reviews).
     */
    private static void buyAndReview(Checkouts.Product reviewed, Checkouts.Product other) {
        Shopper shopper = newShopper();
        assertThat(addToCart(shopper, reviewed.sku(), 1).status()).isEqualTo(200);
        assertThat(addToCart(shopper, other.sku(), 1).status()).isEqualTo(200);
        Api.Reply placed = checkoutOnce(shopper, UUID.randomUUID().toString(), "pm_card_visa");
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        assertThat(finalOrder(shopper, placed.json().get("id").asString()).get("status").asString())
                .isEqualTo("CONFIRMED");
        Api.Reply review = call("POST", "/api/v1/products/" + reviewed.id() + "/reviews",
                "{\"rating\":4,\"title\":\"Bonita\"}", shopper.token());
        assertThat(review.status()).as(review.body()).isEqualTo(201);
        String reviewPath = "/api/v1/products/" + reviewed.id() + "/reviews/" + review.json().get("id").asString();
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(
                call("GET", reviewPath, null, null).json().get("verifiedPurchase").asBoolean()).isTrue());
    }

    @Test
    void aShopperBuysAndEverythingFollows() {
        String sku = productWithStock("BUY", 10).sku();
        Shopper shopper = newShopper();
        assertThat(call("GET", "/api/v1/search/products?q=taza", null, null).status()).isEqualTo(200);
        assertThat(addToCart(shopper, sku, 2).status()).isEqualTo(200);

        Api.Reply placed = checkoutOnce(shopper, UUID.randomUUID().toString(), "pm_card_visa");
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        JsonNode pending = placed.json();
        String orderId = pending.get("id").asString();
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("number").asString()).matches("TND-\\d{4}-\\d{6}");
        assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + orderId);

        JsonNode confirmed = finalOrder(shopper, orderId);
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("history").size()).isGreaterThanOrEqualTo(2);

        // stock committed: two units gone for good; the cart emptied by order.confirmed; the money taken
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(available(sku)).isEqualTo(8));
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(call("GET", "/api/v1/cart", null, shopper.token()).json().get("itemCount").asInt()).isZero());
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<JsonNode> payments = payments(shopper, orderId);
            assertThat(payments).hasSize(1);
            assertThat(payments.get(0).get("status").asString()).isEqualTo("CAPTURED");
            assertThat(payments.get(0).get("amount").asLong())
                    .isEqualTo(confirmed.get("totals").get("total").asLong());
        });

        // the fact every other service reacts to, on Kafka with the platform's envelope
        ConsumerRecord<String, String> fact = firstRecord("order.events", orderId, "order.confirmed");
        assertThat(fact.value()).contains(sku);
        assertThat(header(fact, "eventId")).isNotBlank();

        // the buyer may now review the product as a verified purchase
        String productId = confirmed.get("lines").get(0).get("productId").asString();
        Api.Reply review = call("POST", "/api/v1/products/" + productId + "/reviews",
                "{\"rating\":5,\"title\":\"Muy buena\",\"text\":\"Llegó rápido y bien embalada.\"}", shopper.token());
        assertThat(review.status()).as(review.body()).isEqualTo(201);
        String reviewId = review.json().get("id").asString();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode reviews = call("GET", "/api/v1/products/" + productId + "/reviews", null, null).json();
            assertThat(reviews.toString()).contains(reviewId);
            reviews.get("items").forEach(r -> {
                if (r.get("id").asString().equals(reviewId)) {
                    assertThat(r.get("verifiedPurchase").asBoolean()).isTrue();
                }
            });
        });
    }

    @Test
    void aDeclinedCardCancelsTheOrderAndReleasesTheStock() {
        String sku = productWithStock("DECL", 4).sku();
        Shopper shopper = newShopper();
        addToCart(shopper, sku, 3);

        String orderId = checkoutOnce(shopper, UUID.randomUUID().toString(), "pm_card_chargeDeclined").json()
                .get("id").asString();

        JsonNode order = finalOrder(shopper, orderId);
        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(available(sku)).isEqualTo(4));
        assertThat(payments(shopper, orderId)).allSatisfy(p -> assertThat(p.get("status").asString()).isEqualTo("FAILED"));
        assertThat(call("GET", "/api/v1/cart", null, shopper.token()).json().get("itemCount").asInt())
                .as("a cancelled order leaves the cart to try again").isEqualTo(3);
    }

    /**
     * A checkout that fails after its confirmation (the card's hold lapsed before the capture): the order ends
     * CANCELLED, the stock and the authorisation are let go, the cart that the confirmation emptied gets its
     * goods back, the cancellation mail says so, and the shopper can pay with another card.
     */
    @Test
    void aCaptureThatFailsAfterTheConfirmationPutsTheGoodsBackInTheCart() {
        String sku = productWithStock("CAPF", 5).sku();
        Shopper shopper = newShopper();
        addToCart(shopper, sku, 2);

        JsonNode placed = checkoutOnce(shopper, UUID.randomUUID().toString(), "pm_card_captureFail").json();
        String orderId = placed.get("id").asString();
        JsonNode cancelled = await().atMost(EVENTUALLY).until(() -> order(shopper, orderId),
                o -> o != null && "CANCELLED".equals(o.get("status").asString()));
        assertThat(cancelled.get("history").valueStream().map(h -> h.get("to").asString()))
                .as("it was confirmed first, so the cart had been emptied").contains("CONFIRMED");
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(available(sku)).isEqualTo(5);
            assertThat(payments(shopper, orderId)).singleElement()
                    .satisfies(p -> assertThat(p.get("status").asString()).isEqualTo("VOIDED"));
            assertThat(call("GET", "/api/v1/cart", null, shopper.token()).json().get("itemCount").asInt())
                    .as("the goods are back in the cart").isEqualTo(2);
        });
        Mailbox.Mail mail = Mailbox.await(shopper.email(), "the cancellation",
                m -> m.subject().contains(placed.get("number").asString()) && m.subject().endsWith("cancelado"));
        assertThat(mail.text()).contains("vuelven a estar en tu carrito");

        Api.Reply again = checkoutOnce(shopper, UUID.randomUUID().toString(), "pm_card_visa");
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        assertThat(finalOrder(shopper, again.json().get("id").asString()).get("status").asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void moreThanIsInStockRejectsTheOrderAndChargesNothing() {
        String sku = productWithStock("FEW", 2).sku();
        Shopper shopper = newShopper();
        addToCart(shopper, sku, 5);

        Api.Reply placed = checkoutOnce(shopper, UUID.randomUUID().toString(), "pm_card_visa");
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        JsonNode order = finalOrder(shopper, placed.json().get("id").asString());

        assertThat(order.get("status").asString()).isEqualTo("REJECTED");
        assertThat(available(sku)).isEqualTo(2);
        assertThat(payments(shopper, order.get("id").asString())).isEmpty();
    }

    @Test
    void aCardThatNeedsThreeDSecureShowsTheNextAction() {
        String sku = productWithStock("TDS", 3).sku();
        Shopper shopper = newShopper();
        addToCart(shopper, sku, 1);

        String orderId = checkoutOnce(shopper, UUID.randomUUID().toString(), "pm_card_authenticationRequired").json()
                .get("id").asString();

        JsonNode waiting = await().atMost(EVENTUALLY).until(() -> order(shopper, orderId),
                o -> o != null && o.hasNonNull("nextAction"));
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.get("nextAction").get("type").asString()).isNotBlank();
        assertThat(waiting.get("nextAction").get("url").asString()).startsWith("http");
        assertThat(available(sku)).as("held while the shopper authenticates").isEqualTo(2);
    }

    @Test
    void aCustomerWhoCancelsIsRefundedAndTheStockReturns() {
        String sku = productWithStock("CANC", 6).sku();
        Shopper shopper = newShopper();
        addToCart(shopper, sku, 2);
        String orderId = checkoutOnce(shopper, UUID.randomUUID().toString(), "pm_card_visa").json().get("id").asString();
        assertThat(finalOrder(shopper, orderId).get("status").asString()).isEqualTo("CONFIRMED");
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(payments(shopper, orderId).get(0).get("status").asString()).isEqualTo("CAPTURED"));
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(available(sku)).isEqualTo(4));

        Api.Reply cancelled = call("POST", "/api/v1/orders/" + orderId + "/cancellation",
                "{\"reason\":\"changed my mind\"}", shopper.token());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        JsonNode asked = cancelled.json().get("refund");
        assertThat(asked.get("status").asString()).isEqualTo("PENDING");
        assertThat(asked.get("amount").asLong()).isEqualTo(cancelled.json().get("totals").get("total").asLong());

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(payments(shopper, orderId).get(0).get("status").asString()).isEqualTo("REFUNDED");
            assertThat(available(sku)).isEqualTo(6);
            assertThat(order(shopper, orderId).get("refund").get("status").asString()).isEqualTo("REFUNDED");
        });
        Api.Reply again = call("POST", "/api/v1/orders/" + orderId + "/cancellation", "{}", shopper.token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
    }

    /** A captured order that a manager refunded in part or whole, then its shopper cancelled. */
    private record CancelledAfterStaffRefund(Shopper shopper, String orderId, String paymentId, long total,
            String manager, Api.Reply cancelled) {
    }

    /**
     * A shopper buys {@code units} of a new product and the payment is captured; a manager refunds
     * {@code refund} of it ({@code wholly}: all of it) through the payment API; the shopper then cancels.
     */
    private CancelledAfterStaffRefund cancelledAfterStaffRefund(String prefix, int units, long refund, boolean wholly) {
        String sku = productWithStock(prefix, units + 2).sku();
        Shopper shopper = newShopper();
        addToCart(shopper, sku, units);
        String orderId = checkoutOnce(shopper, UUID.randomUUID().toString(), "pm_card_visa").json().get("id").asString();
        long total = finalOrder(shopper, orderId).get("totals").get("total").asLong();
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(payments(shopper, orderId).get(0).get("status").asString()).isEqualTo("CAPTURED"));
        String paymentId = payments(shopper, orderId).get(0).get("id").asString();
        String manager = Accounts.session(Accounts.Account.MANAGER).accessToken();
        // and order-service has heard of the capture: a cancellation before that voids, and refunds only once
        // the late capture reaches it, so its answer would name no refund yet
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode checkout = call("GET", "/api/v1/orders/" + orderId + "/checkout", null, manager).json();
            assertThat(checkout.path("step").asString()).isEqualTo("ENDED");
            assertThat(checkout.path("outcome").asString()).isEqualTo("COMPLETED");
        });
        Api.Reply staffRefund = Api.gateway().method("POST", "/api/v1/payments/" + paymentId + "/refunds",
                        "{\"amount\":" + (wholly ? total : refund) + ",\"reason\":\"damaged box\"}")
                .header("X-Forwarded-For", Accounts.randomClientAddress())
                .header("Idempotency-Key", "e2e-" + UUID.randomUUID()).bearer(manager).send();
        assertThat(staffRefund.status()).as(staffRefund.body()).isEqualTo(201);
        assertThat(staffRefund.json().get("status").asString()).isEqualTo("SUCCEEDED");

        Api.Reply cancelled = call("POST", "/api/v1/orders/" + orderId + "/cancellation",
                "{\"reason\":\"changed my mind\"}", shopper.token());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        return new CancelledAfterStaffRefund(shopper, orderId, paymentId, total, manager, cancelled);
    }

    /**
     * A manager refunds part of a paid order (a damaged item found before it ships), then the shopper cancels
     * it: the cancellation gives back only the rest, and the order, staff's checkout view and the payment's
     * ledger all say the rest, not the total.
     */
    @Test
    void aCancellationAfterAStaffRefundGivesBackOnlyTheRest() {
        CancelledAfterStaffRefund bought = cancelledAfterStaffRefund("PART", 2, 300, false);
        long rest = bought.total() - 300;
        assertThat(bought.cancelled().json().get("refund").get("amount").asLong()).as("asked for")
                .isEqualTo(bought.total());

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode refund = order(bought.shopper(), bought.orderId()).get("refund");
            assertThat(refund.get("status").asString()).isEqualTo("REFUNDED");
            assertThat(refund.get("amount").asLong()).isEqualTo(rest);
        });
        JsonNode checkout = call("GET", "/api/v1/orders/" + bought.orderId() + "/checkout", null, bought.manager()).json();
        assertThat(checkout.get("refund").asString()).isEqualTo("REFUNDED");
        assertThat(checkout.get("refundDue").get("amount").asLong()).isEqualTo(rest);
        JsonNode payment = call("GET", "/api/v1/payments/" + bought.paymentId(), null, bought.shopper().token()).json();
        assertThat(payment.get("refundedAmount").asLong()).isEqualTo(bought.total());
        assertThat(payment.get("refundable").asLong()).isZero();
        assertThat(payment.get("refunds").valueStream().map(refund -> refund.get("amount").asLong()))
                .containsExactlyInAnyOrder(300L, rest);
    }

    /**
     * A manager refunds all of a paid order before it ships, then the shopper cancels it: payment-service
     * has nothing left to give back, and the cancellation ends refunded for nothing more, with nothing
     * left for staff.
     */
    @Test
    void aCancellationAfterAWholeStaffRefundOwesNothing() {
        CancelledAfterStaffRefund bought = cancelledAfterStaffRefund("WHOLE", 1, 0, true);

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode checkout = call("GET", "/api/v1/orders/" + bought.orderId() + "/checkout", null, bought.manager())
                    .json();
            assertThat(checkout.get("step").asString()).isEqualTo("ENDED");
            assertThat(checkout.get("refund").asString()).isEqualTo("REFUNDED");
            assertThat(checkout.get("attention").isEmpty()).isTrue();
        });
        JsonNode refund = order(bought.shopper(), bought.orderId()).get("refund");
        assertThat(refund.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refund.get("amount").asLong()).isZero();
        assertThat(call("GET", "/api/v1/orders/checkouts/attention?size=100", null, bought.manager()).json()
                .get("items").valueStream().map(item -> item.get("orderId").asString())).doesNotContain(bought.orderId());
        JsonNode payment = call("GET", "/api/v1/payments/" + bought.paymentId(), null, bought.shopper().token()).json();
        assertThat(payment.get("refundedAmount").asLong()).isEqualTo(bought.total());
        assertThat(payment.get("refunds").size()).as("the staff refund only").isEqualTo(1);
    }

    /**
     * The card of {@code pm_card_refundFail} takes a refund, and the bank hands it back a few seconds later
     * (the simulated provider does what Stripe's card of that name does): the ledger takes the refund
     * back, the customer who was mailed "refunded" is told the money is not coming, and staff are alerted;
     * a manager who pays it another way says so, the shopper's order and mail say it is refunded, and the
     * payment's ledger holds the money paid back outside the provider.
     */
    @Test
    void aCancellationsRefundThatTheBankHandsBackIsUndoneAndEveryoneIsTold() {
        String sku = productWithStock("RFAIL", 3).sku();
        Shopper shopper = newShopper();
        addToCart(shopper, sku, 1);
        String orderId = checkoutOnce(shopper, UUID.randomUUID().toString(), "pm_card_refundFail").json().get("id")
                .asString();
        assertThat(finalOrder(shopper, orderId).get("status").asString()).isEqualTo("CONFIRMED");
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(payments(shopper, orderId).get(0).get("status").asString()).isEqualTo("CAPTURED"));

        Api.Reply cancelled = call("POST", "/api/v1/orders/" + orderId + "/cancellation",
                "{\"reason\":\"changed my mind\"}", shopper.token());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        // the refund is made and mailed; then the bank hands it back
        Mailbox.await(shopper.email(), "the refund", mail -> mail.subject().startsWith("Reembolso de"));
        Mailbox.Mail correction = Mailbox.await(shopper.email(), "the refund's correction",
                mail -> mail.subject().contains("no se ha completado"));
        assertThat(correction.text()).doesNotContain("expired_or_canceled_card");
        await("the payment is charged again").atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(payments(shopper, orderId).get(0).get("status").asString()).isEqualTo("CAPTURED"));
        Mailbox.Mail alert = Mailbox.await("manager@tienda.local", "the staff alert",
                mail -> mail.subject().endsWith(orderId) && mail.text().contains("expired_or_canceled_card"));
        assertThat(alert.subject()).matches("(Refund failed: order|Reembolso fallido: pedido) " + orderId);
        assertThat(available(sku)).as("the cancellation's restock stands").isEqualTo(3);
        assertThat(Mailbox.countAfterQuiet(shopper.email(), mail -> mail.subject().contains("no se ha completado"),
                Duration.ofSeconds(3))).as("told once").isEqualTo(1);

        // staff find the order among the checkouts that need attention, and a manager resolves it
        String manager = Accounts.session(Accounts.Account.MANAGER).accessToken();
        await("the saga records the refusal").atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode checkout = call("GET", "/api/v1/orders/" + orderId + "/checkout", null, manager).json();
            assertThat(checkout.get("refund").asString()).isEqualTo("REFUSED");
            assertThat(checkout.get("needsAttention").asBoolean()).isTrue();
        });
        assertThat(order(shopper, orderId).get("refund").get("status").asString()).isEqualTo("FAILED");
        assertThat(call("GET", "/api/v1/orders/checkouts/attention?size=100", null, manager).json().get("items")
                .valueStream().map(item -> item.get("orderId").asString())).contains(orderId);
        Api.Reply resolved = call("POST", "/api/v1/orders/" + orderId + "/checkout/resolution",
                "{\"note\":\"refunded by bank transfer\",\"refunded\":true}", manager);
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("needsAttention").asBoolean()).isFalse();
        assertThat(order(shopper, orderId).get("refund").get("status").asString()).isEqualTo("REFUNDED");
        Mailbox.Mail settled = Mailbox.await(shopper.email(), "the refund paid another way",
                mail -> mail.text().contains("por otra vía"));
        assertThat(settled.subject()).startsWith("Tu reembolso de").endsWith("se ha completado")
                .doesNotContain("no se ha");
        // the payment's ledger records the money paid another way, and nothing more of it can be refunded
        String paymentId = payments(shopper, orderId).get(0).get("id").asString();
        await("the ledger records the transfer").atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode payment = call("GET", "/api/v1/payments/" + paymentId, null, shopper.token()).json();
            assertThat(payment.get("refundedOutsideAmount").asLong()).isEqualTo(payment.get("capturedAmount").asLong())
                    .isPositive();
            assertThat(payment.get("refundable").asLong()).isZero();
            assertThat(payment.get("refunds").valueStream().map(refund -> refund.get("source").asString()))
                    .contains("OUTSIDE");
        });
        assertThat(call("GET", "/api/v1/orders/checkouts/attention?size=100", null, manager).json().get("items")
                .valueStream().map(item -> item.get("orderId").asString())).doesNotContain(orderId);
    }

    @Test
    void theSamePostTwiceWithOneKeyIsOneOrderAndOneCharge() {
        String sku = productWithStock("TWICE", 5).sku();
        Shopper shopper = newShopper();
        addToCart(shopper, sku, 1);
        String key = UUID.randomUUID().toString();

        Api.Reply first = checkoutOnce(shopper, key, "pm_card_visa");
        Api.Reply second = checkoutOnce(shopper, key, "pm_card_visa");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(second.status()).as(second.body()).isBetween(200, 202);
        String orderId = first.json().get("id").asString();
        assertThat(second.json().get("id").asString()).isEqualTo(orderId);

        assertThat(finalOrder(shopper, orderId).get("status").asString()).isEqualTo("CONFIRMED");
        // a click with a new key once the order went through buys nothing twice, whether cart-service has
        // emptied the cart yet (cart-empty) or not (cart-already-ordered: these contents were ordered)
        Api.Reply newKey = checkoutOnce(shopper, UUID.randomUUID().toString(), "pm_card_visa");
        assertThat(newKey.status()).as(newKey.body()).isIn(409, 422);
        assertThat(Checkouts.problem(newKey)).endsWith(newKey.status() == 409 ? "/cart-already-ordered" : "/cart-empty");
        Api.Reply third = checkoutOnce(shopper, key, "pm_card_visa");
        assertThat(third.json().get("id").asString()).isEqualTo(orderId);
        Api.Reply otherBody = checkoutOnce(shopper, key, "pm_card_chargeDeclined");
        assertThat(otherBody.status()).as(otherBody.body()).isEqualTo(422);

        JsonNode orders = call("GET", "/api/v1/orders", null, shopper.token()).json();
        assertThat(orders.get("total").asLong()).isEqualTo(1);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<JsonNode> payments = payments(shopper, orderId);
            assertThat(payments).hasSize(1);
            assertThat(payments.get(0).get("status").asString()).isEqualTo("CAPTURED");
        });
        assertThat(available(sku)).isEqualTo(4);
    }

    /** The first record of the topic for this key and type, read from the beginning like an outside consumer. */
    private static ConsumerRecord<String, String> firstRecord(String topic, String key, String type) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(EVENTUALLY);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && type.equals(header(record, "type"))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " for " + key + " on " + topic);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
