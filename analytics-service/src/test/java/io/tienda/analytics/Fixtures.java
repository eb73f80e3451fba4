package io.tienda.analytics;

import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.cart.CartCheckoutStarted;
import io.tienda.platform.events.cart.CartItemAdded;
import io.tienda.platform.events.inventory.LowStock;
import io.tienda.platform.events.inventory.StockChanged;
import io.tienda.platform.events.product.ProductCreated;
import io.tienda.platform.events.product.ProductUpdated;
import io.tienda.platform.events.returns.ReturnRefundSettled;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.saga.OrderPlaced;
import io.tienda.platform.events.saga.OrderRefundSettled;
import io.tienda.platform.events.saga.OrderShipped;
import io.tienda.platform.events.saga.PaymentCaptured;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.events.user.UserRegistered;
import io.tienda.platform.messaging.InboundMessage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events as their producers publish them, with the time and id a test chooses. */
public final class Fixtures {

    private Fixtures() {
    }

    /** An event: its topic, key, id, time and contract record. */
    public record Event(String topic, String key, UUID eventId, Instant at, Object payload) {

        public InboundMessage message() {
            return new InboundMessage(topic, 0, 0, eventId, Envelope.typeOf(payload.getClass()), key, at,
                    Envelope.versionOf(payload.getClass()), EventJson.write(payload));
        }
    }

    public static Instant at(String instant) {
        return Instant.parse(instant);
    }

    public static OrderLine line(String sku, String productId, int quantity, long unitPrice, String currency) {
        return new OrderLine(sku, productId, "Name of " + sku, quantity, Money.of(unitPrice, currency));
    }

    /** A line whose offers and coupon took something off: the shopper paid {@code paid} for all its units. */
    public static OrderLine line(String sku, String productId, int quantity, long unitPrice, long paid,
            String currency) {
        return new OrderLine(sku, productId, "Name of " + sku, quantity, Money.of(unitPrice, currency),
                Money.of(paid, currency));
    }

    /** A line as published before lines carried what was paid for them: no {@code lineTotal}. */
    public static OrderLine lineWithoutTotal(String sku, String productId, int quantity, long unitPrice,
            String currency) {
        return new OrderLine(sku, productId, "Name of " + sku, quantity, Money.of(unitPrice, currency), null);
    }

    /** What the lines cost the shopper (their totals, else their units at the unit price), before shipping. */
    public static Money total(List<OrderLine> lines) {
        Money sum = Money.of(0, lines.get(0).unitPrice().currency());
        for (OrderLine l : lines) {
            sum = sum.plus(l.lineTotal() != null ? l.lineTotal() : l.unitPrice().times(l.quantity()));
        }
        return sum;
    }

    public static Event placed(UUID order, String customer, String when, List<OrderLine> lines) {
        return new Event(Topics.ORDER_EVENTS, order.toString(), UUID.randomUUID(), at(when),
                new OrderPlaced(order, customer, lines, total(lines), at(when)));
    }

    public static Event confirmed(UUID order, String customer, String cart, String when, List<OrderLine> lines) {
        return new Event(Topics.ORDER_EVENTS, order.toString(), UUID.randomUUID(), at(when),
                new OrderConfirmed(order, customer, cart, lines, total(lines), at(when)));
    }

    /** The {@code order.placed} of a free replacement order (an exchange) sent in place of {@code original}. */
    public static Event replacementPlaced(UUID order, UUID original, String customer, String when,
            List<OrderLine> lines) {
        return new Event(Topics.ORDER_EVENTS, order.toString(), UUID.randomUUID(), at(when),
                new OrderPlaced(order, customer, lines, total(lines), at(when), original));
    }

    /** The {@code order.confirmed} of a free replacement order: no cart, and it names {@code original}. */
    public static Event replacementConfirmed(UUID order, UUID original, String customer, String when,
            List<OrderLine> lines) {
        return new Event(Topics.ORDER_EVENTS, order.toString(), UUID.randomUUID(), at(when),
                new OrderConfirmed(order, customer, null, lines, total(lines), at(when), original));
    }

    public static Event cancelled(UUID order, String customer, String when) {
        return new Event(Topics.ORDER_EVENTS, order.toString(), UUID.randomUUID(), at(when),
                new OrderCancelled(order, customer, "shopper", null));
    }

    public static Event shipped(UUID order, String customer, String when, List<OrderLine> lines) {
        return new Event(Topics.ORDER_EVENTS, order.toString(), UUID.randomUUID(), at(when),
                new OrderShipped(order, "T-1", customer, "DHL", "TRK", lines, at(when)));
    }

    /** payment-service took the money of the order's authorisation. */
    public static Event captured(UUID order, long amount, String currency, String when) {
        return new Event(Topics.PAYMENT_EVENTS, order.toString(), UUID.randomUUID(), at(when),
                new PaymentCaptured(order, "pay-" + order, Money.of(amount, currency)));
    }

    public static Event refunded(UUID order, long amount, String currency, String when) {
        return new Event(Topics.PAYMENT_EVENTS, order.toString(), UUID.randomUUID(), at(when),
                new PaymentRefunded(order, "pay-" + order, "re-" + UUID.randomUUID(), Money.of(amount, currency)));
    }

    /** A refund payment-service announces under {@code refundId}, its id of the refund. */
    public static Event refunded(UUID order, String refundId, long amount, String currency, String when) {
        return new Event(Topics.PAYMENT_EVENTS, order.toString(), UUID.randomUUID(), at(when),
                new PaymentRefunded(order, "pay-" + order, refundId, Money.of(amount, currency)));
    }

    /**
     * A refund that failed at the provider: after it had been announced under {@code refundId} as
     * refunded, or at once (an id never announced, or null when no refund could even be recorded).
     */
    public static Event refundFailed(UUID order, String refundId, long amount, String currency, String when) {
        return new Event(Topics.PAYMENT_EVENTS, order.toString(), UUID.randomUUID(), at(when),
                new PaymentRefundFailed(order, refundId == null ? null : "pay-" + order, refundId,
                        Money.of(amount, currency), "expired_or_canceled_card", null));
    }

    /** Staff paid the order's failed cancellation refund another way. */
    public static Event refundSettled(UUID order, long amount, String currency, String when) {
        return new Event(Topics.ORDER_EVENTS, order.toString(), UUID.randomUUID(), at(when),
                new OrderRefundSettled(order, "TND-" + order, "c-" + order, Money.of(amount, currency), at(when)));
    }

    /** A return's refund staff paid another way, for {@code order}. */
    public static Event returnRefundSettled(UUID order, UUID returnId, long amount, String currency, String when) {
        return new Event(Topics.RETURNS_EVENTS, returnId.toString(), UUID.randomUUID(), at(when),
                new ReturnRefundSettled(returnId, "RMA-2038-000001", order, "c-" + order, Money.of(amount, currency),
                        at(when)));
    }

    public static Event product(String productId, String category, String brand, List<String> skus, String when) {
        return new Event(Topics.PRODUCT_EVENTS, productId, UUID.randomUUID(), at(when),
                new ProductCreated(productId, productId, "Product " + productId, category, brand, skus,
                        Money.of(1000, "EUR"), true));
    }

    public static Event productUpdated(String productId, String category, String brand, List<String> skus,
            String when) {
        return new Event(Topics.PRODUCT_EVENTS, productId, UUID.randomUUID(), at(when),
                new ProductUpdated(productId, productId, "Product " + productId, category, brand, skus,
                        Money.of(1000, "EUR"), true));
    }

    public static Event cartAdd(String cart, String sku, String when) {
        return new Event(Topics.CART_EVENTS, cart, UUID.randomUUID(), at(when),
                new CartItemAdded(cart, null, sku, 1, 1, Money.of(100, "EUR"), at(when)));
    }

    public static Event checkout(String cart, String customer, String when) {
        return new Event(Topics.CART_EVENTS, cart, UUID.randomUUID(), at(when),
                new CartCheckoutStarted(cart, customer, List.of(), 1, Money.of(100, "EUR"), at(when)));
    }

    public static Event lowStock(String sku, int available, int reorderPoint, String when) {
        return new Event(Topics.INVENTORY_EVENTS, sku, UUID.randomUUID(), at(when),
                new LowStock(sku, "MAD-1", available, available, reorderPoint, 50));
    }

    public static Event stockChanged(String sku, int available, long version, String when) {
        return new Event(Topics.INVENTORY_EVENTS, sku, UUID.randomUUID(), at(when),
                new StockChanged(sku, available, available > 0, version));
    }

    public static Event registered(UUID user, String when) {
        return new Event(Topics.USER_EVENTS, user.toString(), UUID.randomUUID(), at(when),
                new UserRegistered(user, "someone@example.com", null, "en", "token", at(when).plusSeconds(86400)));
    }

    /** The user exercised their right to erasure. */
    public static Event erased(UUID user, String when) {
        return new Event(Topics.USER_EVENTS, user.toString(), UUID.randomUUID(), at(when),
                new UserErased(user, at(when)));
    }

    /** A message of {@code type} whose body is not its contract: poison. */
    public static InboundMessage unreadable(String topic, String type, String when) {
        return new InboundMessage(topic, 0, 0, UUID.randomUUID(), type, "poison", at(when), 1, "{\"orderId\":42");
    }
}
