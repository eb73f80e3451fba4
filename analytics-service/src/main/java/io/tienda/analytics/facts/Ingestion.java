package io.tienda.analytics.facts;

import io.tienda.analytics.facts.domain.FactStore;
import io.tienda.analytics.facts.domain.Facts;
import io.tienda.analytics.facts.domain.Facts.Fact;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.cart.CartCheckoutStarted;
import io.tienda.platform.events.cart.CartItemAdded;
import io.tienda.platform.events.cart.CartItemRemoved;
import io.tienda.platform.events.inventory.LowStock;
import io.tienda.platform.events.inventory.StockChanged;
import io.tienda.platform.events.product.ProductCreated;
import io.tienda.platform.events.product.ProductDeleted;
import io.tienda.platform.events.product.ProductPriceChanged;
import io.tienda.platform.events.product.ProductUpdated;
import io.tienda.platform.events.returns.ReturnApproved;
import io.tienda.platform.events.returns.ReturnExchanged;
import io.tienda.platform.events.returns.ReturnReceived;
import io.tienda.platform.events.returns.ReturnRefundSettled;
import io.tienda.platform.events.returns.ReturnRefunded;
import io.tienda.platform.events.returns.ReturnRejected;
import io.tienda.platform.events.returns.ReturnRequested;
import io.tienda.platform.events.returns.ReturnedLine;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.saga.OrderPlaced;
import io.tienda.platform.events.saga.OrderRefundSettled;
import io.tienda.platform.events.saga.OrderRejected;
import io.tienda.platform.events.saga.OrderShipped;
import io.tienda.platform.events.saga.PaymentCaptured;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.events.user.UserRegistered;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a batch of events into fact rows and stores them with one insert per table. Types analytics
 * does not use are skipped (consumers ignore what they do not know); a body that does not parse as
 * its contract is poison and is reported with its position so the caller can dead-letter it alone.
 */
@Service
public class Ingestion {

    private final FactStore store;

    Ingestion(FactStore store) {
        this.store = store;
    }

    /**
     * Facts of the messages, written once each; answers the number of rows written. When a message
     * is unreadable, the ones before it are stored and {@link UnreadableEvent} tells its position and
     * how many rows they made.
     */
    public int ingest(List<InboundMessage> messages) {
        List<Fact> facts = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            InboundMessage message = messages.get(i);
            // a copy of an event within the batch (a redelivery) adds nothing; the store skips stored ones
            if (!seen.add(message.eventId())) {
                continue;
            }
            try {
                facts.addAll(factsOf(message));
            } catch (PoisonMessageException e) {
                throw new UnreadableEvent(i, store.append(facts), e);
            }
        }
        return store.append(facts);
    }

    /** Like {@link #ingest}, leaving unreadable messages out; answers the number of rows written. */
    public int ingestReadable(List<InboundMessage> messages) {
        int written = 0;
        List<InboundMessage> rest = messages;
        while (!rest.isEmpty()) {
            try {
                return written + ingest(rest);
            } catch (UnreadableEvent e) {
                // the messages before the unreadable one were stored: their rows count as written
                written += e.written();
                rest = rest.subList(e.index() + 1, rest.size());
            }
        }
        return written;
    }

    /**
     * The message at {@code index} of a batch can never be read; the ones before it are stored, in
     * {@code written} rows.
     */
    public static final class UnreadableEvent extends RuntimeException {

        private final int index;
        private final int written;

        UnreadableEvent(int index, int written, PoisonMessageException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
            this.written = written;
        }

        public int index() {
            return index;
        }

        /** The rows the messages before it made. */
        public int written() {
            return written;
        }
    }

    /**
     * The facts of one message; an empty list for types analytics ignores.
     *
     * @throws PoisonMessageException when the body is not its contract
     */
    public List<Fact> factsOf(InboundMessage m) {
        UUID id = m.eventId();
        String type = m.type();
        Instant at = m.occurredAt();
        try {
            return switch (type) {
                // A replacement order (replacesOrderId set: an exchange's free order) ships goods that the order
                // it replaces paid for. It is no sale, no order of the funnel and no purchase of its customer, so
                // its placing and confirmation are no facts: counted, it would double the orders and units of one
                // purchase, halve its AOV, add an order without a cart and make its customer a repeat one.
                case "order.placed" -> {
                    OrderPlaced e = m.payloadAs(OrderPlaced.class);
                    if (e.replacesOrderId() != null) {
                        yield List.of();
                    }
                    yield List.of(order(id, type, e.orderId(), e.customerId(), null, e.total(), e.lines(),
                            first(e.placedAt(), at)));
                }
                case "order.confirmed" -> {
                    OrderConfirmed e = m.payloadAs(OrderConfirmed.class);
                    if (e.replacesOrderId() != null) {
                        yield List.of();
                    }
                    Instant when = first(e.confirmedAt(), at);
                    List<Fact> facts = new ArrayList<>();
                    facts.add(order(id, type, e.orderId(), e.customerId(), e.cartId(), e.total(), e.lines(), when));
                    List<OrderLine> lines = e.lines() == null ? List.of() : e.lines();
                    for (int i = 0; i < lines.size(); i++) {
                        OrderLine line = lines.get(i);
                        facts.add(new Facts.OrderLine(id, i, e.orderId(), text(e.customerId()), text(line.sku()),
                                text(line.productId()), text(line.name()), line.quantity(),
                                line.unitPrice().amount(), paid(line), line.unitPrice().currency(), when));
                    }
                    yield facts;
                }
                case "order.cancelled" -> {
                    // without a payment.captured of the order, it voids the confirmation's sale when read, in
                    // whichever order the two arrive (see ClickHouseReports)
                    OrderCancelled e = m.payloadAs(OrderCancelled.class);
                    yield List.of(order(id, type, e.orderId(), e.customerId(), null, null, e.lines(), at));
                }
                case "order.rejected" -> {
                    OrderRejected e = m.payloadAs(OrderRejected.class);
                    yield List.of(order(id, type, e.orderId(), e.customerId(), null, null, e.lines(), at));
                }
                case "order.shipped" -> {
                    OrderShipped e = m.payloadAs(OrderShipped.class);
                    yield List.of(order(id, type, e.orderId(), e.customerId(), null, null, e.lines(),
                            first(e.shippedAt(), at)));
                }
                case "order.delivered" -> {
                    OrderDelivered e = m.payloadAs(OrderDelivered.class);
                    yield List.of(order(id, type, e.orderId(), e.customerId(), null, null, e.lines(),
                            first(e.deliveredAt(), at)));
                }
                case "order.refund_settled" -> {
                    // staff paid a cancellation's failed refund another way: a refund in every figure, with no
                    // refund id, so no provider failure can take it back
                    OrderRefundSettled e = m.payloadAs(OrderRefundSettled.class);
                    yield List.of(payment(id, type, e.orderId(), null, null, e.amount(), first(e.settledAt(), at)));
                }
                case "returns.refund_settled" -> {
                    // staff paid a return's failed refund another way: counted like order.refund_settled
                    ReturnRefundSettled e = m.payloadAs(ReturnRefundSettled.class);
                    yield List.of(payment(id, type, e.orderId(), null, null, e.amount(), first(e.settledAt(), at)));
                }
                case "payment.captured" -> {
                    PaymentCaptured e = m.payloadAs(PaymentCaptured.class);
                    yield List.of(payment(id, type, e.orderId(), e.paymentId(), null, e.amount(), at));
                }
                case "payment.refunded" -> {
                    PaymentRefunded e = m.payloadAs(PaymentRefunded.class);
                    yield List.of(payment(id, type, e.orderId(), e.paymentId(), e.refundId(), e.amount(), at));
                }
                case "payment.refund_failed" -> {
                    // cancels the refund announced as refunded under the same id, if any (see ClickHouseReports)
                    PaymentRefundFailed e = m.payloadAs(PaymentRefundFailed.class);
                    yield List.of(payment(id, type, e.orderId(), e.paymentId(), e.refundId(), e.amount(), at));
                }
                case "returns.requested" -> {
                    ReturnRequested e = m.payloadAs(ReturnRequested.class);
                    yield List.of(ret(id, type, e.returnId(), e.orderId(), e.customerId(), value(e.lines()),
                            e.lines(), first(e.requestedAt(), at)));
                }
                case "returns.approved" -> {
                    ReturnApproved e = m.payloadAs(ReturnApproved.class);
                    yield List.of(ret(id, type, e.returnId(), e.orderId(), e.customerId(), null, null,
                            first(e.approvedAt(), at)));
                }
                case "returns.rejected" -> {
                    ReturnRejected e = m.payloadAs(ReturnRejected.class);
                    yield List.of(ret(id, type, e.returnId(), e.orderId(), e.customerId(), null, null,
                            first(e.rejectedAt(), at)));
                }
                case "returns.received" -> {
                    ReturnReceived e = m.payloadAs(ReturnReceived.class);
                    yield List.of(ret(id, type, e.returnId(), e.orderId(), e.customerId(), null, null,
                            first(e.receivedAt(), at)));
                }
                case "returns.refunded" -> {
                    ReturnRefunded e = m.payloadAs(ReturnRefunded.class);
                    yield List.of(ret(id, type, e.returnId(), e.orderId(), e.customerId(), e.amount(), e.lines(),
                            first(e.refundedAt(), at)));
                }
                case "returns.exchanged" -> {
                    ReturnExchanged e = m.payloadAs(ReturnExchanged.class);
                    yield List.of(ret(id, type, e.returnId(), e.orderId(), e.customerId(), value(e.lines()),
                            e.lines(), first(e.exchangedAt(), at)));
                }
                case "cart.item_added" -> {
                    CartItemAdded e = m.payloadAs(CartItemAdded.class);
                    Money price = e.unitPrice();
                    yield List.of(new Facts.Cart(id, type, text(e.cartId()), text(e.customerId()), text(e.sku()),
                            e.quantity(), price == null ? 0 : price.amount() * e.quantity(),
                            price == null ? "" : price.currency(), first(e.addedAt(), at)));
                }
                case "cart.item_removed" -> {
                    CartItemRemoved e = m.payloadAs(CartItemRemoved.class);
                    yield List.of(new Facts.Cart(id, type, text(e.cartId()), text(e.customerId()), text(e.sku()),
                            e.quantity(), 0, "", first(e.removedAt(), at)));
                }
                case "cart.checkout_started" -> {
                    CartCheckoutStarted e = m.payloadAs(CartCheckoutStarted.class);
                    Money total = e.total();
                    yield List.of(new Facts.Cart(id, type, text(e.cartId()), text(e.customerId()), "",
                            e.itemCount(), total == null ? 0 : total.amount(), total == null ? "" : total.currency(),
                            first(e.startedAt(), at)));
                }
                case "product.created" -> {
                    ProductCreated e = m.payloadAs(ProductCreated.class);
                    yield List.of(new Facts.Product(id, type, text(e.productId()), text(e.name()),
                            text(e.categoryId()), text(e.brandId()), at));
                }
                case "product.updated" -> {
                    ProductUpdated e = m.payloadAs(ProductUpdated.class);
                    yield List.of(new Facts.Product(id, type, text(e.productId()), text(e.name()),
                            text(e.categoryId()), text(e.brandId()), at));
                }
                case "product.deleted" -> {
                    ProductDeleted e = m.payloadAs(ProductDeleted.class);
                    yield List.of(new Facts.Product(id, type, text(e.productId()), "", "", "", at));
                }
                case "product.price_changed" -> {
                    ProductPriceChanged e = m.payloadAs(ProductPriceChanged.class);
                    yield List.of(new Facts.Product(id, type, text(e.productId()), "", "", "", at));
                }
                case "inventory.stock_changed" -> {
                    StockChanged e = m.payloadAs(StockChanged.class);
                    yield List.of(new Facts.Stock(id, type, text(e.sku()), "", 0, e.available(), 0, 0, e.version(),
                            at));
                }
                case "inventory.low_stock" -> {
                    LowStock e = m.payloadAs(LowStock.class);
                    yield List.of(new Facts.Stock(id, type, text(e.sku()), text(e.warehouse()), e.onHand(),
                            e.available(), e.reorderPoint(), e.reorderQuantity(), 0, at));
                }
                case "user.registered" -> {
                    UserRegistered e = m.payloadAs(UserRegistered.class);
                    if (e.userId() == null) {
                        throw new PoisonMessageException("user.registered " + id + " has no user id", null);
                    }
                    yield List.of(new Facts.Registration(id, e.userId(), at));
                }
                case "user.erased" -> {
                    // GDPR erasure: the customer's id is never shown again. The store gives them a random id
                    // once, which every report reads in place of theirs (see ClickHouseFactStore).
                    UserErased e = m.payloadAs(UserErased.class);
                    if (e.userId() == null) {
                        throw new PoisonMessageException("user.erased " + id + " has no user id", null);
                    }
                    yield List.of(new Facts.Erasure(id, e.userId().toString(), first(e.erasedAt(), at)));
                }
                default -> List.of();
            };
        } catch (NullPointerException | IllegalArgumentException | ArithmeticException e) {
            // a required field missing (an order without id, a line without price): it will never parse better
            throw new PoisonMessageException(type + " " + id + " lacks what analytics needs: " + e, e);
        }
    }

    private static Fact order(UUID id, String type, UUID orderId, String customerId, String cartId, Money total,
            List<OrderLine> lines, Instant at) {
        if (orderId == null) {
            throw new IllegalArgumentException("no order id");
        }
        int units = 0;
        long value = 0;
        String currency = total == null ? "" : total.currency();
        if (lines != null) {
            for (OrderLine line : lines) {
                units += line.quantity();
                if (line.unitPrice() != null) {
                    value = Math.addExact(value, paid(line));
                    currency = currency.isEmpty() ? line.unitPrice().currency() : currency;
                }
            }
        }
        return new Facts.Order(id, type, orderId, text(customerId), text(cartId), total == null ? value : total.amount(),
                currency, units, at);
    }

    /**
     * What the shopper paid for the whole line, after offers and the coupon: its {@code lineTotal}, or
     * for an event published before lines carried it, its units at the catalog price. A total in
     * another currency than the unit price is a broken event.
     */
    private static long paid(OrderLine line) {
        Money total = line.lineTotal();
        if (total == null) {
            return Math.multiplyExact(line.unitPrice().amount(), line.quantity());
        }
        if (!total.currency().equals(line.unitPrice().currency())) {
            throw new IllegalArgumentException("line of " + line.sku() + " paid in " + total.currency()
                    + " but priced in " + line.unitPrice().currency());
        }
        return total.amount();
    }

    private static Fact payment(UUID id, String type, UUID orderId, String paymentId, String refundId, Money amount,
            Instant at) {
        return new Facts.Payment(id, type, orderId, text(paymentId), text(refundId),
                amount == null ? 0 : amount.amount(), amount == null ? "" : amount.currency(), at);
    }

    private static Fact ret(UUID id, String type, UUID returnId, UUID orderId, String customerId, Money amount,
            List<ReturnedLine> lines, Instant at) {
        int units = lines == null ? 0 : lines.stream().mapToInt(ReturnedLine::quantity).sum();
        return new Facts.Return(id, type, returnId, orderId, text(customerId), amount == null ? 0 : amount.amount(),
                amount == null ? "" : amount.currency(), units, at);
    }

    private static Money value(List<ReturnedLine> lines) {
        Money total = null;
        if (lines != null) {
            for (ReturnedLine line : lines) {
                if (line.unitPrice() != null) {
                    Money part = line.unitPrice().times(line.quantity());
                    total = total == null ? part : total.plus(part);
                }
            }
        }
        return total;
    }

    private static Instant first(Instant fromBody, Instant fromEnvelope) {
        return fromBody != null ? fromBody : fromEnvelope;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
