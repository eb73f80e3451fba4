package io.tienda.order.orders.domain;

import io.tienda.platform.core.IdempotencyKeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An order a customer placed: its lines as priced at checkout, where it goes, how it is paid, where
 * it is in its life and every move it made to get there. Each move is a method that refuses what
 * {@link OrderStatus} does not allow and records a {@link StatusChange}.
 *
 * @param number         the human-readable number, e.g. {@code TND-2026-000123}; null until stored
 * @param paymentMethod  a payment method token ({@code pm_...}); never card data
 * @param idempotencyKey the client's key of the request that placed it
 * @param requestHash    what that request said, so that the key cannot be reused for another one
 * @param nextAction     what the shopper must do before the payment completes, while PENDING
 * @param refund         the refund of a paid order that was cancelled; null for any other order
 * @param history        every move, oldest first
 * @param version        optimistic locking: the saga and staff never overwrite each other
 */
public record Order(UUID id, String number, String customerId, OrderStatus status, OrderTotals totals,
        List<OrderLine> lines, ShippingAddress shippingAddress, String paymentMethod, String cartId,
        String couponCode, String idempotencyKey, String requestHash, Tracking tracking, Instant deliveredAt,
        NextAction nextAction, Refund refund, List<StatusChange> history, Instant createdAt, Instant updatedAt,
        long version) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(totals, "totals");
        lines = List.copyOf(lines);
        history = List.copyOf(history);
    }

    /** A new order, PENDING while the checkout saga runs. */
    public static Order place(UUID id, String customerId, OrderTotals totals, List<OrderLine> lines,
            ShippingAddress shippingAddress, String paymentMethod, String cartId, String couponCode,
            String idempotencyKey, String requestHash, Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs lines");
        }
        StatusChange placed = new StatusChange(1, null, OrderStatus.PENDING, now, customerId, StatusChange.PLACED);
        return new Order(id, null, customerId, OrderStatus.PENDING, totals, lines, shippingAddress, paymentMethod,
                cartId, couponCode, idempotencyKey, requestHash, null, null, null, null, List.of(placed), now, now, 0);
    }

    /** The saga reserved the stock and the payment was authorised. */
    public Order confirm(Instant now, String actor, String reason) {
        return moveTo(OrderStatus.CONFIRMED, now, actor, reason).withNextAction(null);
    }

    /** The stock could not be reserved. */
    public Order reject(Instant now, String actor, String reason) {
        return moveTo(OrderStatus.REJECTED, now, actor, reason).withNextAction(null);
    }

    /** Payment failed, a step timed out, or the customer or staff cancelled before shipping. */
    public Order cancel(Instant now, String actor, String reason) {
        return moveTo(OrderStatus.CANCELLED, now, actor, reason).withNextAction(null);
    }

    public Order ship(Tracking how, String actor) {
        Order shipped = moveTo(OrderStatus.SHIPPED, how.shippedAt(), actor,
                "shipped with " + how.carrier() + ", tracking " + how.trackingNumber());
        return shipped.with(how, null);
    }

    public Order deliver(Instant now, String actor) {
        return moveTo(OrderStatus.DELIVERED, now, actor, "delivered").with(tracking, now);
    }

    /** The payment waits for the shopper (3-D Secure), or no longer does when {@code action} is null. */
    public Order withNextAction(NextAction action) {
        return new Order(id, number, customerId, status, totals, lines, shippingAddress, paymentMethod, cartId,
                couponCode, idempotencyKey, requestHash, tracking, deliveredAt, action, refund, history, createdAt,
                updatedAt, version);
    }

    /** The checkout that cancelled the paid order reports where its refund stands. */
    public Order withRefund(Refund newRefund) {
        return new Order(id, number, customerId, status, totals, lines, shippingAddress, paymentMethod, cartId,
                couponCode, idempotencyKey, requestHash, tracking, deliveredAt, nextAction, newRefund, history,
                createdAt, newRefund == null ? updatedAt : newRefund.updatedAt(), version);
    }

    /**
     * The order once its customer erased their account and it ended: its address keeps only postcode and
     * country ({@link ShippingAddress#erased()}); everything the books need stays.
     */
    public Order withAddressErased() {
        return new Order(id, number, customerId, status, totals, lines,
                shippingAddress == null ? null : shippingAddress.erased(), paymentMethod, cartId, couponCode,
                idempotencyKey, null, tracking, deliveredAt, nextAction, refund, history, createdAt, updatedAt,
                version);
    }

    /**
     * The order once its customer erased their account: the reasons they wrote on their own moves (why they
     * cancelled) read {@value StatusChange#ERASED}; what the service and staff wrote stays
     * ({@link StatusChange#isWrittenBy}).
     */
    public Order withCustomerTextErased() {
        return withHistory(history.stream().map(change -> change.erasedFor(customerId)).toList());
    }

    public Order withLines(List<OrderLine> newLines) {
        return new Order(id, number, customerId, status, totals, newLines, shippingAddress, paymentMethod, cartId,
                couponCode, idempotencyKey, requestHash, tracking, deliveredAt, nextAction, refund, history, createdAt,
                updatedAt, version);
    }

    public Order withHistory(List<StatusChange> changes) {
        return new Order(id, number, customerId, status, totals, lines, shippingAddress, paymentMethod, cartId,
                couponCode, idempotencyKey, requestHash, tracking, deliveredAt, nextAction, refund, changes, createdAt,
                updatedAt, version);
    }

    /** As stored: its number and version. */
    public Order stored(String storedNumber, long storedVersion) {
        return new Order(id, storedNumber, customerId, status, totals, lines, shippingAddress, paymentMethod, cartId,
                couponCode, idempotencyKey, requestHash, tracking, deliveredAt, nextAction, refund, history, createdAt,
                updatedAt, storedVersion);
    }

    private Order with(Tracking newTracking, Instant newDeliveredAt) {
        return new Order(id, number, customerId, status, totals, lines, shippingAddress, paymentMethod, cartId,
                couponCode, idempotencyKey, requestHash, newTracking, newDeliveredAt, nextAction, refund, history,
                createdAt, updatedAt, version);
    }

    private Order moveTo(OrderStatus next, Instant now, String actor, String reason) {
        OrderStatus.MOVES.require("order " + (number == null ? id : number), status, next);
        List<StatusChange> moves = new ArrayList<>(history);
        int seq = history.stream().mapToInt(StatusChange::seq).max().orElse(0) + 1;
        moves.add(new StatusChange(seq, status, next, now, actor, reason));
        return new Order(id, number, customerId, next, totals, lines, shippingAddress, paymentMethod, cartId,
                couponCode, idempotencyKey, requestHash, tracking, deliveredAt, nextAction, refund, moves, createdAt,
                now, version);
    }

    /** How many units the order holds across its lines. */
    public int itemCount() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    /**
     * The goods it was placed from its cart with, whatever their prices and order: 64 hex digits of the SHA-256
     * of each SKU and its units. Two checkouts of one cart with the same goods are the same purchase, so only one
     * of them may be under way at a time; null for an order that came from no cart (a replacement).
     */
    public String cartContents() {
        if (cartId == null) {
            return null;
        }
        Map<String, Integer> units = new TreeMap<>();
        lines.forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        return IdempotencyKeys.fingerprint(units.entrySet().stream()
                .map(unit -> unit.getKey() + "\u001f" + unit.getValue()).collect(Collectors.joining("\u001e")));
    }
}
