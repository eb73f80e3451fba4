package io.tienda.order.orders;

import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.Orders;
import io.tienda.order.orders.domain.ReplacedOrder;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.OrderPlaced;
import io.tienda.platform.events.saga.OrderRefundSettled;
import io.tienda.platform.events.saga.OrderRejected;
import io.tienda.platform.events.saga.OrderShipped;
import io.tienda.platform.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Publishes what happened to an order on {@code order.events}, keyed by order id, through the
 * outbox of the transaction that made it happen. Every fact carries the lines as priced at checkout;
 * every fact the shopper is mailed about also carries the order's number, the one the shop shows them;
 * {@code order.placed} and {@code order.confirmed} of a replacement order name the order it replaces.
 */
@Component
public class OrderFacts {

    private final Outbox outbox;
    private final Orders orders;

    OrderFacts(Outbox outbox, Orders orders) {
        this.outbox = outbox;
        this.orders = orders;
    }

    /** A shopper's order was placed: a sale, replacing nothing. */
    public void placed(Order order) {
        publish(order, new OrderPlaced(order.id(), order.customerId(), lines(order), total(order), order.createdAt()));
    }

    /**
     * A free replacement order was placed in place of {@code replacedOrderId}'s returned units. The fact names
     * that order so that consumers do not take it for a sale: its goods were paid for with the original.
     */
    public void replacementPlaced(Order order, UUID replacedOrderId) {
        publish(order, new OrderPlaced(order.id(), order.customerId(), lines(order), total(order), order.createdAt(),
                replacedOrderId));
    }

    /** Names the order a replacement order replaces, from its stored link, as {@code order.placed} did. */
    public void confirmed(Order order, Instant at) {
        UUID replaces = orders.findReplaced(order.id()).map(ReplacedOrder::orderId).orElse(null);
        publish(order, new OrderConfirmed(order.id(), order.number(), order.customerId(), order.cartId(), lines(order),
                total(order), at, replaces));
    }

    public void rejected(Order order, String reason) {
        publish(order, new OrderRejected(order.id(), order.customerId(), reason, lines(order)));
    }

    /**
     * @param checkoutFailed whether the checkout ended the order by itself (a failed step, a passed deadline)
     *                       rather than the customer or staff; carts give back what such an order took out
     */
    public void cancelled(Order order, String reason, boolean checkoutFailed) {
        publish(order, new OrderCancelled(order.id(), order.number(), order.customerId(), reason, lines(order),
                checkoutFailed));
    }

    public void shipped(Order order) {
        publish(order, new OrderShipped(order.id(), order.number(), order.customerId(), order.tracking().carrier(),
                order.tracking().trackingNumber(), lines(order), order.tracking().shippedAt()));
    }

    public void delivered(Order order) {
        publish(order, new OrderDelivered(order.id(), order.number(), order.customerId(), lines(order),
                order.deliveredAt()));
    }

    /** Staff paid the order's refund another way: its amount, as the order's {@link Order#refund} has it. */
    public void refundSettled(Order order, Instant at) {
        publish(order, new OrderRefundSettled(order.id(), order.number(), order.customerId(),
                Money.of(order.refund().amount(), order.totals().currency()), at));
    }

    private void publish(Order order, Object fact) {
        outbox.publish(Topics.ORDER_EVENTS, order.id().toString(), fact);
    }

    /**
     * The lines as the contract has them: the catalog unit price of each and what was paid for it, after
     * offers and the coupon, which is what a return of its units gives back.
     */
    public static List<io.tienda.platform.events.saga.OrderLine> lines(Order order) {
        String currency = order.totals().currency();
        return order.lines().stream()
                .map(line -> new io.tienda.platform.events.saga.OrderLine(line.sku(), line.productId(), line.name(),
                        line.quantity(), Money.of(line.unitPrice(), currency), Money.of(line.lineTotal(), currency)))
                .toList();
    }

    public static Money total(Order order) {
        return Money.of(order.totals().total(), order.totals().currency());
    }

}
