package io.tienda.product.review;

import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.saga.OrderPlaced;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.messaging.OutboundMessage;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.product.ProductServiceIT;
import io.tienda.product.offer.TestCatalog;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reviews learn from other services' events as they arrive on Kafka, in the platform's envelope:
 * purchases from {@code order.confirmed}, erasures from {@code user.erased}.
 */
class VerifiedPurchaseIT extends ProductServiceIT {

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
        List<OrderLine> lines = Arrays.stream(productIds)
                .map(id -> new OrderLine(sku, id, "Producto", quantity, Money.of(3_000, "EUR"))).toList();
        return messages.create(Topics.ORDER_EVENTS, orderId.toString(), new OrderConfirmed(orderId, customer,
                "cart-1", lines, Money.of(3_000L * quantity * productIds.length, "EUR"), Instant.now()));
    }

    private Document purchase(String customer, String productId) {
        return mongo.findOne(new BasicQuery(new Document("_id",
                new Document("userId", customer).append("productId", productId))), Document.class, "purchases");
    }

    private Document review(String id) {
        return mongo.findById(id, Document.class, "reviews");
    }

    private String write(String customer) {
        return http.post().uri("/api/v1/products/" + product + "/reviews")
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
