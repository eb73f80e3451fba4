package io.tienda.cart.cart;

import io.tienda.cart.cart.domain.Cart;
import io.tienda.cart.cart.domain.CartId;
import io.tienda.cart.cart.domain.Carts;
import io.tienda.cart.support.CartIT;
import io.tienda.cart.support.FakeCatalog;
import io.tienda.platform.testing.messaging.EventMessages.Published;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.cart.CartItemAdded;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.messaging.MessageFactory;
import io.tienda.platform.messaging.OutboundMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The funnel facts reach Kafka through the outbox; order and user facts clear and erase carts once. */
class CartEventsIT extends CartIT {

    @Autowired
    Carts carts;

    @Autowired
    CartEventRelay relay;

    @Autowired
    MessageFactory messageFactory;

    @Test
    void addsRemovalsAndCheckoutsReachKafkaWithTheEnvelopeAndTheirContracts() {
        String coffee = FakeCatalog.newSku("EVC");
        String tea = FakeCatalog.newSku("EVT");
        catalog.sell(coffee, 1299);
        catalog.sell(tea, 450);
        Shopper ana = customer();
        String cartId = "u:" + ana.id();

        ana.add(coffee, 2).expect(200);
        ana.add(tea, 1).expect(200);
        ana.remove(tea).expect(200);
        ana.checkout().expect(200);

        List<Published> added = messages().await(Topics.CART_EVENTS, "cart.item_added", cartId, 2);
        JsonNode first = added.get(0).json();
        assertThat(first.get("cartId").asString()).isEqualTo(cartId);
        assertThat(first.get("customerId").asString()).isEqualTo(ana.id());
        assertThat(first.get("sku").asString()).isEqualTo(coffee);
        assertThat(first.get("quantity").asInt()).isEqualTo(2);
        assertThat(first.get("unitPrice").get("amount").asLong()).isEqualTo(1299);
        JsonNode removed = messages().await(Topics.CART_EVENTS, "cart.item_removed", cartId, 1).get(0).json();
        assertThat(removed.get("sku").asString()).isEqualTo(tea);
        assertThat(removed.get("lineQuantity").asInt()).isZero();
        JsonNode started = messages().await(Topics.CART_EVENTS, "cart.checkout_started", cartId, 1).get(0).json();
        assertThat(started.get("itemCount").asInt()).isEqualTo(2);
        assertThat(started.get("lines").get(0).get("sku").asString()).isEqualTo(coffee);
        assertThat(started.get("total").get("amount").asLong()).isEqualTo(2598 + 499);
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.opsForList().size("cart:{" + cartId + "}:outbox") == 0);
    }

    @Test
    void aGuestsEventsCarryNoCustomerAndNeverTheirToken() {
        String sku = FakeCatalog.newSku("EVG");
        catalog.sell(sku, 300);
        Shopper guest = guest();
        String cartId = guest.add(sku, 1).expect(200).json().get("id").asString();

        Published added = messages().await(Topics.CART_EVENTS, "cart.item_added", cartId, 1).get(0);

        assertThat(added.json().get("customerId").isNull()).isTrue();
        assertThat(added.body()).doesNotContain(guest.cartToken());
    }

    /**
     * The process dies after Redis took the change and its event, before the send: the event waits in
     * the cart's outbox, and the sweep of the next process sends it, then forgets it.
     */
    @Test
    void anEventWrittenWithItsChangeIsPublishedAfterACrashBeforeTheSend() {
        CartId id = CartId.user(UUID.randomUUID().toString());
        Cart cart = Cart.empty(id, "EUR").add("CRASH-1", 3);
        OutboundMessage message = messageFactory.create(Topics.CART_EVENTS, id.value(),
                new CartItemAdded(id.value(), id.customerId().orElseThrow(), "CRASH-1", 3, 3,
                        Money.of(500, "EUR"), Instant.now()));

        assertThat(carts.save(cart, Duration.ofDays(30), List.of(message))).isTrue();
        // no relay ran: the "crash" happened here
        assertThat(redis.opsForList().size("cart:{" + id.value() + "}:outbox")).isEqualTo(1);
        assertThat(messages().all(Topics.CART_EVENTS, id.value())).isEmpty();

        assertThat(relay.sweep()).isGreaterThanOrEqualTo(1);

        Published published = messages().await(Topics.CART_EVENTS, "cart.item_added", id.value(), 1).get(0);
        assertThat(published.eventId()).isEqualTo(message.eventId().toString());
        assertThat(redis.opsForList().size("cart:{" + id.value() + "}:outbox")).isZero();
        assertThat(carts.find(id).orElseThrow().quantityOf("CRASH-1")).isEqualTo(3);
    }

    @Test
    void orderConfirmedDeliveredThreeTimesEmptiesWhatWasBoughtOnce() {
        String bought = FakeCatalog.newSku("BUY");
        String later = FakeCatalog.newSku("LATER");
        catalog.sell(bought, 1000);
        catalog.sell(later, 200);
        Shopper ana = customer();
        ana.add(bought, 2).expect(200);
        catalog.coupon("UNA-VEZ", "valid", 10, 0);
        ana.coupon("UNA-VEZ").expect(200);
        UUID orderId = UUID.randomUUID();
        OrderConfirmed confirmed = new OrderConfirmed(orderId, ana.id(), "u:" + ana.id(),
                List.of(new OrderLine(bought, "p-" + bought, "Producto", 2, Money.of(1000, "EUR"))),
                Money.of(2000, "EUR"), Instant.now());
        UUID eventId = UUID.randomUUID();

        messages().send(Topics.ORDER_EVENTS, orderId.toString(), eventId, confirmed);
        await().atMost(Duration.ofSeconds(30)).until(() -> ana.quantities().isEmpty());
        assertThat(ana.cart().json().get("coupon").isNull()).as("the order used the coupon").isTrue();

        ana.add(bought, 1).expect(200);
        ana.add(later, 1).expect(200);
        messages().send(Topics.ORDER_EVENTS, orderId.toString(), eventId, confirmed);
        messages().send(Topics.ORDER_EVENTS, orderId.toString(), eventId, confirmed);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> redis.hasKey("cart:{u:" + ana.id() + "}:inbox:" + eventId));
        // the listener handles a partition's records in order: a marker sent after them proves they were seen
        awaitMarker(orderId.toString());

        assertThat(ana.quantities()).containsOnly(Map.entry(bought, 1), Map.entry(later, 1));
    }

    /**
     * order-service places one order per contents id: a second snapshot of goods already ordered carries the
     * same id (a second click), while goods put back after the order took them out carry a new one (a new
     * purchase).
     */
    @Test
    void aSnapshotNamesTheGoodsUntilTheyChangeOrAnOrderTakesThemOut() {
        String bought = FakeCatalog.newSku("KEEP");
        String later = FakeCatalog.newSku("KEEP");
        catalog.sell(bought, 1000);
        catalog.sell(later, 200);
        Shopper ana = customer();
        ana.add(bought, 2).expect(200);
        String first = contentsId(ana);

        catalog.coupon("MISMO", "valid", 10, 0);
        ana.coupon("MISMO").expect(200);
        ana.change(bought, 2).expect(200);
        assertThat(contentsId(ana)).as("a coupon and an unchanged quantity leave the goods as they were")
                .isEqualTo(first);

        ana.add(later, 1).expect(200);
        ana.remove(later).expect(200);
        String second = contentsId(ana);
        assertThat(second).as("the same goods after a change are another choice").isNotEqualTo(first);

        UUID orderId = UUID.randomUUID();
        messages().send(Topics.ORDER_EVENTS, orderId.toString(), UUID.randomUUID(), new OrderConfirmed(orderId,
                ana.id(), "u:" + ana.id(), List.of(new OrderLine(bought, "p-" + bought, "Producto", 1,
                        Money.of(1000, "EUR"))), Money.of(1000, "EUR"), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> ana.quantities().equals(Map.of(bought, 1)));
        String afterOrder = contentsId(ana);
        assertThat(afterOrder).as("what the order left is new contents").isNotIn(first, second);

        // a cart stored before contents ids were kept gets one from its first snapshot, kept by the next
        redis.opsForHash().delete("cart:{u:" + ana.id() + "}:meta", "contents");
        String assigned = contentsId(ana);
        assertThat(assigned).isNotEqualTo(afterOrder);
        assertThat(contentsId(ana)).isEqualTo(assigned);
    }

    private static String contentsId(Shopper shopper) {
        String id = shopper.checkout().expect(200).json().get("contentsId").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        return id;
    }

    @Test
    void aReplacementOrderLeavesTheCartAlone() {
        String sku = FakeCatalog.newSku("SWAP");
        catalog.sell(sku, 1500);
        Shopper ana = customer();
        ana.add(sku, 2).expect(200);
        catalog.coupon("SIGUE", "valid", 10, 0);
        ana.coupon("SIGUE").expect(200);
        Object versionBefore = redis.opsForHash().get("cart:{u:" + ana.id() + "}:meta", "version");
        UUID replacement = UUID.randomUUID();

        // an exchange's free order: it was never in a cart, so the cart's units and coupon stay
        messages().send(Topics.ORDER_EVENTS, replacement.toString(), UUID.randomUUID(), new OrderConfirmed(replacement,
                ana.id(), null, List.of(new OrderLine(sku, "p-" + sku, "Producto", 1, Money.of(0, "EUR"))),
                Money.of(0, "EUR"), Instant.now(), UUID.randomUUID()));
        // a marker on the same partition, sent after it, proves the replacement was seen
        awaitMarker(replacement.toString());

        JsonNode cart = ana.cart().json();
        assertThat(ana.quantities()).containsExactly(Map.entry(sku, 2));
        assertThat(cart.get("coupon").isNull()).as("the coupon stays").isFalse();
        assertThat(redis.opsForHash().get("cart:{u:" + ana.id() + "}:meta", "version")).isNotNull()
                .isEqualTo(versionBefore);
    }

    /**
     * order.confirmed empties the cart when the payment is authorised; if the stock commit or the capture then
     * fails, order.cancelled says the checkout failed and the cart gets back what the order took: added to what
     * the shopper changed meanwhile, within the cart's limits, with the coupon, once.
     */
    @Test
    void aCheckoutThatFailsAfterItsConfirmationGivesTheCartBackOnce() {
        String mug = FakeCatalog.newSku("BACK");
        String tea = FakeCatalog.newSku("BACK");
        String other = FakeCatalog.newSku("BACK");
        catalog.sell(mug, 1000);
        catalog.sell(tea, 300);
        catalog.sell(other, 200);
        Shopper ana = customer();
        ana.add(mug, 2).expect(200);
        ana.add(tea, 3).expect(200);
        ana.add(other, 1).expect(200);
        catalog.coupon("VUELVE", "valid", 10, 0);
        ana.coupon("VUELVE").expect(200);
        UUID orderId = UUID.randomUUID();
        List<OrderLine> lines = List.of(new OrderLine(mug, "p-" + mug, "Taza", 2, Money.of(1000, "EUR")),
                new OrderLine(tea, "p-" + tea, "Té", 3, Money.of(300, "EUR")));
        messages().send(Topics.ORDER_EVENTS, orderId.toString(), UUID.randomUUID(), new OrderConfirmed(orderId,
                ana.id(), "u:" + ana.id(), lines, Money.of(2900, "EUR"), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> ana.quantities().equals(Map.of(other, 1)));
        String afterOrder = contentsId(ana);
        // meanwhile, on another device
        ana.add(tea, 98).expect(200);
        ana.add(other, 1).expect(200);

        UUID eventId = UUID.randomUUID();
        OrderCancelled failed = new OrderCancelled(orderId, "TND-2026-000001", ana.id(), "capture-failed", lines,
                true);
        messages().send(Topics.ORDER_EVENTS, orderId.toString(), eventId, failed);
        await().atMost(Duration.ofSeconds(30)).until(() -> ana.quantities().containsKey(mug));

        assertThat(ana.quantities()).as("added to what is there, at most 99 units a line")
                .containsOnly(Map.entry(mug, 2), Map.entry(tea, 99), Map.entry(other, 2));
        assertThat(ana.cart().json().get("coupon").get("code").asString()).isEqualTo("VUELVE");
        assertThat(contentsId(ana)).as("what came back is new contents").isNotEqualTo(afterOrder);
        assertThat(redis.getExpire("cart:{u:" + ana.id() + "}")).as("the lines live as long as the cart")
                .isPositive();
        assertThat(redis.opsForHash().keys("cart:{u:" + ana.id() + "}:taken")).as("the record is used up")
                .noneMatch(field -> field.toString().startsWith(orderId + ":"));

        // redelivered, or published again under a new id: nothing more comes back
        messages().send(Topics.ORDER_EVENTS, orderId.toString(), eventId, failed);
        messages().send(Topics.ORDER_EVENTS, orderId.toString(), UUID.randomUUID(), failed);
        awaitMarker(orderId.toString());
        assertThat(ana.quantities()).containsOnly(Map.entry(mug, 2), Map.entry(tea, 99), Map.entry(other, 2));
    }

    /**
     * A person's cancellation leaves the cart as it is, and so does a failed checkout of an order that never
     * took anything (it failed before its confirmation, or its record is older than the window).
     */
    @Test
    void onlyAFailedCheckoutOfAnOrderThatTookSomethingGivesBack() {
        String sku = FakeCatalog.newSku("STAY");
        catalog.sell(sku, 500);
        Shopper ana = customer();
        ana.add(sku, 3).expect(200);
        UUID orderId = UUID.randomUUID();
        List<OrderLine> lines = List.of(new OrderLine(sku, "p-" + sku, "Taza", 2, Money.of(500, "EUR")));
        messages().send(Topics.ORDER_EVENTS, orderId.toString(), UUID.randomUUID(), new OrderConfirmed(orderId,
                ana.id(), "u:" + ana.id(), lines, Money.of(1000, "EUR"), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> ana.quantities().equals(Map.of(sku, 1)));

        messages().send(Topics.ORDER_EVENTS, orderId.toString(), UUID.randomUUID(),
                new OrderCancelled(orderId, "TND-2026-000002", ana.id(), "changed my mind", lines, false));
        messages().send(Topics.ORDER_EVENTS, orderId.toString(), UUID.randomUUID(),
                new OrderCancelled(orderId, ana.id(), "published before checkoutFailed was carried", lines));
        UUID neverConfirmed = UUID.randomUUID();
        messages().send(Topics.ORDER_EVENTS, orderId.toString(), UUID.randomUUID(),
                new OrderCancelled(neverConfirmed, "TND-2026-000003", ana.id(), "3ds-expired", lines, true));
        awaitMarker(orderId.toString());
        assertThat(ana.quantities()).containsExactly(Map.entry(sku, 1));

        // older than the window: the record is dropped, nothing given
        CartId cart = CartId.user(ana.id());
        redis.opsForHash().put("cart:{u:" + ana.id() + "}:taken", orderId + ":#at",
                Long.toString(Instant.now().minus(Duration.ofDays(2)).getEpochSecond()));
        assertThat(carts.giveBack(cart, UUID.randomUUID(), orderId, Duration.ofDays(1), Duration.ofDays(1)))
                .hasValue(0);
        assertThat(ana.quantities()).containsExactly(Map.entry(sku, 1));
        assertThat(redis.opsForHash().keys("cart:{u:" + ana.id() + "}:taken")).isEmpty();
    }

    /** The next order drops what older orders took once it is past keeping; the hash expires with it. */
    @Test
    void theTakenRecordKeepsOnlyRecentOrders() {
        String sku = FakeCatalog.newSku("OLD");
        catalog.sell(sku, 500);
        Shopper ana = customer();
        ana.add(sku, 5).expect(200);
        CartId cart = CartId.user(ana.id());
        String taken = "cart:{u:" + ana.id() + "}:taken";
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        assertThat(carts.removeOrdered(cart, UUID.randomUUID(), old, Map.of(sku, 1), Duration.ofDays(1),
                Duration.ofDays(1))).isTrue();
        redis.opsForHash().put(taken, old + ":#at",
                Long.toString(Instant.now().minus(Duration.ofDays(2)).getEpochSecond()));

        assertThat(carts.removeOrdered(cart, UUID.randomUUID(), recent, Map.of(sku, 2), Duration.ofDays(1),
                Duration.ofDays(1))).isTrue();

        assertThat(redis.opsForHash().entries(taken)).containsOnlyKeys(recent + ":" + sku, recent + ":#at")
                .containsEntry(recent + ":" + sku, "2");
        assertThat(redis.getExpire(taken)).isBetween(Duration.ofDays(1).toSeconds() - 60,
                Duration.ofDays(1).toSeconds());
        assertThat(carts.giveBack(cart, UUID.randomUUID(), recent, Duration.ofDays(1), Duration.ofDays(1)))
                .hasValue(2);
        assertThat(ana.quantities()).containsExactly(Map.entry(sku, 4));
    }

    /** A marker on the same partition, sent after the records before it, proves they were handled. */
    private void awaitMarker(String partitionKey) {
        Shopper bruno = customer();
        String sku = FakeCatalog.newSku("MARK");
        catalog.sell(sku, 100);
        bruno.add(sku, 1).expect(200);
        messages().send(Topics.ORDER_EVENTS, partitionKey, UUID.randomUUID(), new OrderConfirmed(UUID.randomUUID(),
                bruno.id(), "u:" + bruno.id(), List.of(new OrderLine(sku, "p", "x", 1, Money.of(100, "EUR"))),
                Money.of(100, "EUR"), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> bruno.quantities().isEmpty());
    }

    @Test
    void userErasedDeletesTheCart() {
        String sku = FakeCatalog.newSku("GDPR");
        catalog.sell(sku, 100);
        UUID userId = UUID.randomUUID();
        Shopper ana = customer();
        Shopper erased = customer(userId.toString());
        erased.add(sku, 4).expect(200);
        erased.shipTo("ES", "28013").expect(200);
        ana.add(sku, 1).expect(200);

        UUID orderId = UUID.randomUUID();
        assertThat(carts.removeOrdered(CartId.user(userId.toString()), UUID.randomUUID(), orderId, Map.of(sku, 1),
                Duration.ofDays(1), Duration.ofDays(1))).isTrue();
        assertThat(redis.hasKey("cart:{u:" + userId + "}:taken")).isTrue();
        messages().send(Topics.USER_EVENTS, userId.toString(), UUID.randomUUID(),
                new UserErased(userId, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !redis.hasKey("cart:{u:" + userId + "}:meta"));
        assertThat(redis.hasKey("cart:{u:" + userId + "}:taken")).as("what orders took").isFalse();
        assertThat(redis.hasKey("cart:{u:" + userId + "}")).isFalse();
        assertThat(redis.hasKey("cart:{u:" + userId + "}:prices")).isFalse();
        assertThat(ana.quantities()).containsExactly(Map.entry(sku, 1));
        JsonNode after = erased.send(HttpMethod.GET, "/api/v1/cart", null).expect(200).json();
        assertThat(after.get("items")).isEmpty();
        assertThat(after.get("shippingAddress").isNull()).isTrue();
    }
}
