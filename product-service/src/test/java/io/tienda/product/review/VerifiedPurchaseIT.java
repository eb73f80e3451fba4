package io.tienda.product.review;

import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.saga.OrderPlaced;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.messaging.OutboundMessage;
import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.product.ProductServiceIT;
import io.tienda.product.offer.TestCatalog;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reviews learn from other services' events as they arrive on Kafka, in the platform's envelope:
 * purchases from {@code order.confirmed} and {@code order.cancelled}, erasures from {@code user.erased}.
 */
class VerifiedPurchaseIT extends ProductServiceIT {

    /** How many times each race is run: one run may come out right by luck. */
    private static final int ROUNDS = 50;

    @Autowired
    PurchaseHistory history;

    @Autowired
    ProductReviews productReviews;

    private TestCatalog catalog;
    private String product;
    private String sku;

    @BeforeEach
    void product() {
        catalog = new TestCatalog(mongo);
        sku = TestCatalog.sku("V");
        product = catalog.product(null, 3_000).sku(sku).save();
    }

    private OutboundMessage confirmed(String customer, int quantity, String... productIds) {
        return confirmed(UUID.randomUUID(), customer, quantity, productIds);
    }

    private OutboundMessage confirmed(UUID orderId, String customer, int quantity, String... productIds) {
        return messages.create(Topics.ORDER_EVENTS, orderId.toString(), new OrderConfirmed(orderId, customer,
                "cart-1", lines(quantity, productIds), Money.of(3_000L * quantity * productIds.length, "EUR"),
                Instant.now()));
    }

    /** The free order of an exchange, sent in place of {@code replaces}. */
    private OutboundMessage replacement(UUID orderId, UUID replaces, String customer, String... productIds) {
        return messages.create(Topics.ORDER_EVENTS, orderId.toString(), new OrderConfirmed(orderId, customer,
                "cart-1", lines(1, productIds), Money.of(0, "EUR"), Instant.now(), replaces));
    }

    private OutboundMessage cancelled(UUID orderId, String customer, String... productIds) {
        return cancelled(orderId.toString(), orderId, customer, productIds);
    }

    private OutboundMessage cancelled(String key, UUID orderId, String customer, String... productIds) {
        return messages.create(Topics.ORDER_EVENTS, key, new OrderCancelled(orderId, customer, "customer",
                lines(1, productIds)));
    }

    private List<OrderLine> lines(int quantity, String... productIds) {
        return Arrays.stream(productIds)
                .map(id -> new OrderLine(sku, id, "Producto", quantity, Money.of(3_000, "EUR"))).toList();
    }

    /**
     * Sends another customer's order with {@code key}, so on the same partition as what was sent with it
     * before, and waits until it is recorded: by then everything before it on the partition was applied.
     */
    private void awaitPartitionPast(String key) {
        String other = UUID.randomUUID().toString();
        String marker = catalog.product(null, 100).sku(TestCatalog.sku("M")).save();
        sender.send(messages.create(Topics.ORDER_EVENTS, key, new OrderConfirmed(UUID.randomUUID(), other, "cart-1",
                lines(1, marker), Money.of(3_000, "EUR"), Instant.now())));
        await().atMost(DELIVERY).until(() -> purchase(other, marker) != null);
    }

    private Document purchase(String customer, String productId) {
        return mongo.findOne(new BasicQuery(new Document("_id",
                new Document("userId", customer).append("productId", productId))), Document.class, "purchases");
    }

    private Document review(String id) {
        return mongo.findById(id, Document.class, "reviews");
    }

    private String write(String customer) {
        return write(customer, product);
    }

    private String write(String customer, String productId) {
        return http.post().uri("/api/v1/products/" + productId + "/reviews")
                .headers(h -> h.setBearerAuth(TestTokens.customer(customer)))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("rating", 5, "title", "Comprado"))
                .exchange().expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id").toString();
    }

    @Test
    void aReviewWrittenAfterThePurchaseIsVerifiedAtOnce() {
        String customer = UUID.randomUUID().toString();
        sender.send(confirmed(customer, 2, product));
        await().atMost(DELIVERY).until(() -> purchase(customer, product) != null);

        String id = write(customer);

        assertThat(review(id).getBoolean("verifiedPurchase")).isTrue();
        http.get().uri("/api/v1/products/" + product + "/reviews/" + id).exchange()
                .expectBody().jsonPath("$.verifiedPurchase").isEqualTo(true);
    }

    @Test
    void aReviewWrittenBeforeThePurchaseBecomesVerifiedWhenTheOrderIsConfirmed() {
        String customer = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String id = write(customer);
        String unrelated = write(other);
        assertThat(review(id).getBoolean("verifiedPurchase")).isFalse();

        sender.send(confirmed(customer, 1, product, catalog.product(null, 100).sku(TestCatalog.sku("X")).save()));

        await().atMost(DELIVERY).until(() -> review(id).getBoolean("verifiedPurchase"));
        assertThat(review(unrelated).getBoolean("verifiedPurchase")).isFalse();
    }

    @Test
    void aRedeliveredOrderCountsItsUnitsOnce() {
        String customer = UUID.randomUUID().toString();
        UUID orderId = UUID.randomUUID();
        OutboundMessage order = confirmed(orderId, customer, 3, product);
        // same key, so the same partition: once the last one is applied, the ones before it were too
        OutboundMessage placed = messages.create(Topics.ORDER_EVENTS, orderId.toString(),
                new OrderPlaced(orderId, customer, List.of(), Money.of(1, "EUR"), Instant.now()));
        OutboundMessage last = confirmed(orderId, customer, 1, product);

        sender.send(order);
        sender.send(order);
        sender.send(placed);
        sender.send(last);

        await().atMost(DELIVERY).until(() -> {
            Document purchase = purchase(customer, product);
            return purchase != null && purchase.getList("_appliedEvents", String.class)
                    .contains(last.eventId().toString());
        });
        assertThat(purchase(customer, product).getInteger("units")).isEqualTo(4);
    }

    /**
     * An order cancelled after its confirmation (by the shopper, by staff, or by the checkout when the
     * capture fails) was refunded: it is no purchase, and a review of a product bought only in it is no
     * longer verified. The cancellation delivered again changes nothing, nor does the confirmation
     * delivered again after it.
     */
    @Test
    void aCancelledOrderNoLongerCountsAsAPurchase() {
        String customer = UUID.randomUUID().toString();
        String alsoBoughtElsewhere = catalog.product(null, 100).sku(TestCatalog.sku("E")).save();
        UUID orderId = UUID.randomUUID();
        OutboundMessage confirmation = confirmed(orderId, customer, 1, product, alsoBoughtElsewhere);
        sender.send(confirmation);
        sender.send(confirmed(customer, 2, alsoBoughtElsewhere));
        await().atMost(DELIVERY).until(() -> purchase(customer, product) != null
                && purchase(customer, alsoBoughtElsewhere) != null
                && purchase(customer, alsoBoughtElsewhere).getInteger("units") == 3);
        String onlyInTheCancelledOrder = write(customer);
        String alsoInAnotherOrder = write(customer, alsoBoughtElsewhere);
        assertThat(review(onlyInTheCancelledOrder).getBoolean("verifiedPurchase")).isTrue();

        OutboundMessage cancellation = cancelled(orderId, customer, product, alsoBoughtElsewhere);
        sender.send(cancellation);
        sender.send(cancellation);
        sender.send(confirmation);
        awaitPartitionPast(orderId.toString());

        assertThat(purchase(customer, product)).isNull();
        assertThat(review(onlyInTheCancelledOrder).getBoolean("verifiedPurchase")).isFalse();
        http.get().uri("/api/v1/products/" + product + "/reviews/" + onlyInTheCancelledOrder).exchange()
                .expectBody().jsonPath("$.verifiedPurchase").isEqualTo(false);
        assertThat(purchase(customer, alsoBoughtElsewhere).getInteger("units")).isEqualTo(2);
        assertThat(review(alsoInAnotherOrder).getBoolean("verifiedPurchase")).isTrue();
    }

    /**
     * The outbox relay keeps an order's events in order only with one relay thread and while Kafka is up,
     * so a cancellation can overtake its confirmation: the confirmation then records nothing.
     */
    @Test
    void aCancellationOvertakingItsConfirmationKeepsTheOrderFromCounting() {
        String customer = UUID.randomUUID().toString();
        String id = write(customer);
        UUID orderId = UUID.randomUUID();

        sender.send(cancelled(orderId, customer, product));
        sender.send(confirmed(orderId, customer, 1, product));
        awaitPartitionPast(orderId.toString());

        assertThat(purchase(customer, product)).isNull();
        assertThat(review(id).getBoolean("verifiedPurchase")).isFalse();
    }

    /**
     * Cancelled orders are remembered per customer, the last 100 of them, so the memory stays bounded
     * however many orders a customer cancels; a late confirmation comes within minutes, not after a hundred
     * later cancellations.
     */
    @Test
    void aCustomersCancelledOrdersAreRememberedUpToALimit() {
        String customer = UUID.randomUUID().toString();
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            UUID orderId = UUID.randomUUID();
            orders.add(orderId);
            // one key for all, so one partition: applied in this order
            sender.send(cancelled(customer, orderId, customer, product));
        }
        UUID newest = orders.get(orders.size() - 1);
        sender.send(messages.create(Topics.ORDER_EVENTS, customer, new OrderConfirmed(newest, customer, "cart-1",
                lines(1, product), Money.of(3_000, "EUR"), Instant.now())));
        awaitPartitionPast(customer);

        assertThat(purchase(customer, product)).isNull();
        List<String> remembered = mongo.findById(customer, Document.class, "cancelledOrders")
                .getList("orderIds", String.class);
        assertThat(remembered).hasSize(100).contains(newest.toString()).doesNotContain(orders.get(0).toString());
    }

    /** An exchange's free replacement order sends goods already bought with the order it replaces. */
    @Test
    void aReplacementOrderRecordsNoPurchase() {
        String customer = UUID.randomUUID().toString();
        String exchangedFor = catalog.product(null, 100).sku(TestCatalog.sku("C")).save();
        UUID original = UUID.randomUUID();
        sender.send(confirmed(original, customer, 1, product));
        await().atMost(DELIVERY).until(() -> purchase(customer, product) != null);
        String id = write(customer, exchangedFor);

        UUID replacementId = UUID.randomUUID();
        sender.send(replacement(replacementId, original, customer, product, exchangedFor));
        awaitPartitionPast(replacementId.toString());

        assertThat(purchase(customer, product).getInteger("units")).isEqualTo(1);
        assertThat(purchase(customer, exchangedFor)).isNull();
        assertThat(review(id).getBoolean("verifiedPurchase")).isFalse();
    }

    private OrderConfirmed order(UUID orderId, String customer) {
        return new OrderConfirmed(orderId, customer, "cart-1", lines(1, product), Money.of(3_000, "EUR"),
                Instant.now());
    }

    /**
     * A review written while its only order is being cancelled: the author's check may find the purchase
     * just before the cancellation takes it off, and the cancellation may look for reviews just before the
     * review is stored. It must not end verified. The calls go straight to the application services, where
     * the race is.
     */
    @Test
    void aReviewWrittenWhileItsOrderIsCancelledEndsUnverified() {
        for (int round = 0; round < ROUNDS; round++) {
            String customer = UUID.randomUUID().toString();
            UUID orderId = UUID.randomUUID();
            history.orderConfirmed(UUID.randomUUID(), order(orderId, customer));
            assertThat(purchase(customer, product)).isNotNull();

            List<String> written = AllAtOnce.run(2, i -> {
                if (i == 0) {
                    return productReviews.write(product, customer, "Cliente",
                            new ProductReviews.Content(5, "A la vez", null)).id();
                }
                history.orderCancelled(new OrderCancelled(orderId, customer, "customer", lines(1, product)));
                return null;
            });

            assertThat(purchase(customer, product)).isNull();
            assertThat(review(written.get(0)).getBoolean("verifiedPurchase")).as("round %d", round).isFalse();
        }
    }

    /** An order's confirmation and its cancellation handled at the same moment leave neither purchase nor badge. */
    @Test
    void aConfirmationRacingItsCancellationLeavesNoPurchase() {
        for (int round = 0; round < ROUNDS; round++) {
            String customer = UUID.randomUUID().toString();
            String id = write(customer);
            UUID orderId = UUID.randomUUID();

            AllAtOnce.run(2, i -> {
                if (i == 0) {
                    history.orderConfirmed(UUID.randomUUID(), order(orderId, customer));
                } else {
                    history.orderCancelled(new OrderCancelled(orderId, customer, "customer", lines(1, product)));
                }
                return i;
            });

            assertThat(purchase(customer, product)).as("round %d", round).isNull();
            assertThat(review(id).getBoolean("verifiedPurchase")).as("round %d", round).isFalse();
        }
    }

    /**
     * One order cancelled while another of the same product is confirmed: the cancellation may delete the
     * purchase between the confirmation's create and its add. The other order still counts.
     */
    @Test
    void anOrderConfirmedWhileAnotherIsCancelledStillCounts() {
        for (int round = 0; round < ROUNDS; round++) {
            String customer = UUID.randomUUID().toString();
            UUID cancelledOrder = UUID.randomUUID();
            history.orderConfirmed(UUID.randomUUID(), order(cancelledOrder, customer));
            String id = write(customer);
            UUID keptOrder = UUID.randomUUID();

            AllAtOnce.run(2, i -> {
                if (i == 0) {
                    history.orderConfirmed(UUID.randomUUID(), order(keptOrder, customer));
                } else {
                    history.orderCancelled(new OrderCancelled(cancelledOrder, customer, "customer",
                            lines(1, product)));
                }
                return i;
            });

            Document purchase = purchase(customer, product);
            assertThat(purchase).as("round %d", round).isNotNull();
            assertThat(purchase.getInteger("units")).isEqualTo(1);
            assertThat(purchase.getString("lastOrderId")).isEqualTo(keptOrder.toString());
            assertThat(review(id).getBoolean("verifiedPurchase")).as("round %d", round).isTrue();
        }
    }

    @Test
    void anErasedUsersReviewsLoseTheirNameAndTheirPurchasesAreForgotten() {
        UUID user = UUID.randomUUID();
        String customer = user.toString();
        sender.send(confirmed(customer, 1, product));
        await().atMost(DELIVERY).until(() -> purchase(customer, product) != null);
        String id = write(customer);
        String kept = write(UUID.randomUUID().toString());

        OutboundMessage erased = messages.create(Topics.USER_EVENTS, customer, new UserErased(user, Instant.now()));
        sender.send(erased);
        sender.send(erased);

        await().atMost(DELIVERY).until(() -> review(id).getBoolean("anonymised", false)
                && purchase(customer, product) == null);
        assertThat(review(id).containsKey("authorName")).isFalse();
        assertThat(review(id).getBoolean("verifiedPurchase")).isTrue();
        assertThat(review(kept).getString("authorName")).isEqualTo("Cliente");
        http.get().uri("/api/v1/products/" + product + "/reviews/" + id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.authorName").isEmpty().jsonPath("$.rating").isEqualTo(5);
    }

    /**
     * {@code user.erased} and {@code order.confirmed} travel on different topics, so an order confirmed before
     * the erasure can arrive after it: it must not bring the customer's purchases back.
     */
    @Test
    void anOrderArrivingAfterItsCustomersErasureRecordsNoPurchase() {
        UUID user = UUID.randomUUID();
        String customer = user.toString();
        String together = catalog.product(null, 100).sku(TestCatalog.sku("T")).save();
        String id = write(customer);
        sender.send(messages.create(Topics.USER_EVENTS, customer, new UserErased(user, Instant.now())));
        await().atMost(DELIVERY).until(() -> review(id).getBoolean("anonymised", false));

        UUID orderId = UUID.randomUUID();
        sender.send(confirmed(orderId, customer, 1, product, together));
        // another customer's order with the same key, so on the same partition: once it is applied, so is the late one
        String other = UUID.randomUUID().toString();
        sender.send(confirmed(orderId, other, 1, product, together));
        await().atMost(DELIVERY).until(() -> purchase(other, together) != null);

        assertThat(purchase(customer, product)).isNull();
        assertThat(purchase(customer, together)).isNull();
        assertThat(review(id).getBoolean("verifiedPurchase")).isFalse();
        // with the late order counted, two customers would have bought both
        assertThat(http.get().uri("/api/v1/products/" + product + "/recommendations").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody()).doesNotContain("bought-together");
    }

    /** A review staff hid cannot be deleted by its author, yet erasing the author still takes their name off it. */
    @Test
    void anErasedUsersHiddenReviewLosesTheirNameAndStaysHidden() {
        UUID user = UUID.randomUUID();
        String customer = user.toString();
        String id = write(customer);
        http.post().uri("/api/v1/products/" + product + "/reviews/" + id + "/hide")
                .headers(h -> h.setBearerAuth(TestTokens.staff("SUPPORT")))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "Spam"))
                .exchange().expectStatus().isOk();

        sender.send(messages.create(Topics.USER_EVENTS, customer, new UserErased(user, Instant.now())));

        await().atMost(DELIVERY).until(() -> review(id).getBoolean("anonymised", false));
        assertThat(review(id).containsKey("authorName")).isFalse();
        assertThat(review(id).getBoolean("hidden")).isTrue();
        assertThat(review(id).get("moderation", Document.class).getString("reason")).isEqualTo("Spam");
    }
}
