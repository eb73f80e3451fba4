package io.tienda.order.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.order.orders.domain.NextAction;
import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.OrderLine;
import io.tienda.order.orders.domain.OrderStatus;
import io.tienda.order.orders.domain.OrderTotals;
import io.tienda.order.orders.domain.Refund;
import io.tienda.order.orders.domain.ReplacedOrder;
import io.tienda.order.orders.domain.ShippingAddress;
import io.tienda.order.orders.domain.StatusChange;
import io.tienda.order.orders.domain.Tracking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the order endpoints answer. Amounts are integer minor units of {@code totals.currency}. */
public final class OrderResponses {

    private OrderResponses() {
    }

    /** Where a client follows an order. */
    public static String statusUrl(UUID id) {
        return "/api/v1/orders/" + id;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An order in a list: its state and totals, without its lines")
    public record OrderSummary(UUID id, String number, String customerId, OrderStatus status, Totals totals,
            @Schema(description = "units across all lines") int itemCount,
            @Schema(description = "where the refund of a paid order that was cancelled stands; absent for any "
                    + "other order") Refund.Status refund,
            Instant createdAt, Instant updatedAt) {

        public static OrderSummary of(Order order) {
            return new OrderSummary(order.id(), order.number(), order.customerId(), order.status(),
                    Totals.of(order.totals()), order.itemCount(),
                    order.refund() == null ? null : order.refund().status(), order.createdAt(), order.updatedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An order with its lines, where it goes, how it travels and every move it made")
    public record OrderDetails(UUID id, String number, String customerId, OrderStatus status,
            @Schema(description = "where to follow the order") String statusUrl, Totals totals, List<Line> lines,
            Address shippingAddress, @Schema(description = "the payment method token (pm_...)") String paymentMethod,
            String couponCode,
            @Schema(description = "the order this free replacement order (an exchange) is sent in place of; "
                    + "absent for any other order") ReplacedOrderView replaces,
            @Schema(description = "what the shopper must do before the payment completes (3-D Secure); "
                    + "only while the order is PENDING") NextActionView nextAction,
            @Schema(description = "the refund of a paid order that was cancelled; absent for any other order")
            RefundView refund,
            TrackingView tracking, Instant deliveredAt, List<HistoryEntry> history, Instant createdAt,
            Instant updatedAt) {

        /**
         * The order as anyone allowed to see it sees it: without the shopper's payment client secret.
         *
         * @param replaced what the order replaces ({@code OrderQueries.replaced}), null for an ordinary order
         */
        public static OrderDetails of(Order order, ReplacedOrder replaced) {
            return forOwner(order.withNextAction(order.nextAction() == null ? null
                    : order.nextAction().withoutSecret()), replaced);
        }

        /**
         * The order as its shopper sees it, with what Stripe.js needs to finish 3-D Secure.
         *
         * @param replaced what the order replaces ({@code OrderQueries.replaced}), null for an ordinary order
         */
        public static OrderDetails forOwner(Order order, ReplacedOrder replaced) {
            return new OrderDetails(order.id(), order.number(), order.customerId(), order.status(),
                    OrderResponses.statusUrl(order.id()), Totals.of(order.totals()), order.lines().stream().map(Line::of).toList(),
                    Address.of(order.shippingAddress()), order.paymentMethod(), order.couponCode(),
                    ReplacedOrderView.of(replaced), NextActionView.of(order.nextAction()),
                    RefundView.of(order.refund(), order.totals()), TrackingView.of(order.tracking()), order.deliveredAt(),
                    order.history().stream().map(HistoryEntry::of).toList(), order.createdAt(), order.updatedAt());
        }
    }

    @Schema(description = "Amounts in minor units of the ISO 4217 currency (e.g. cents); tax is part of the "
            + "prices when taxIncluded, otherwise added to the total")
    public record Totals(@Schema(example = "EUR") String currency, long subtotal, long discount, long shipping, long tax,
            boolean taxIncluded, long total) {

        static Totals of(OrderTotals totals) {
            return new Totals(totals.currency(), totals.subtotal(), totals.discount(), totals.shipping(),
                    totals.tax(), totals.taxIncluded(), totals.total());
        }
    }

    public record Line(String sku, String productId, String name, int quantity,
            @Schema(description = "minor units") long unitPrice, @Schema(description = "minor units") long discount,
            @Schema(description = "minor units: unitPrice * quantity - discount") long lineTotal) {

        static Line of(OrderLine line) {
            return new Line(line.sku(), line.productId(), line.name(), line.quantity(), line.unitPrice(),
                    line.discount(), line.lineTotal());
        }
    }

    @Schema(description = "Where the order goes. Once its customer erased their account and the order ended, "
            + "only postcode and country (the place of supply for tax) are kept: name, line1 and city read "
            + "\"erased\", line2 is null and erased is true")
    public record Address(String name, String line1, String line2, String city, String postcode, String country,
            @Schema(description = "the customer erased their account: the address no longer names the person")
            boolean erased) {

        static Address of(ShippingAddress a) {
            return a == null ? null
                    : new Address(a.name(), a.line1(), a.line2(), a.city(), a.postcode(), a.country(), a.isErased());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NextActionView(@Schema(example = "redirect_to_url") String type,
            @Schema(description = "where to send the shopper (redirect_to_url)") String url,
            @Schema(description = "for Stripe.js (use_stripe_sdk); shown to the shopper only") String clientSecret,
            @Schema(description = "until when the order waits; then it is cancelled") Instant expiresAt) {

        static NextActionView of(NextAction action) {
            return action == null ? null
                    : new NextActionView(action.type(), action.url(), action.clientSecret(), action.expiresAt());
        }
    }

    @Schema(description = "The order a replacement order is sent in place of, and the return it is for")
    public record ReplacedOrderView(@Schema(description = "the original order's id") UUID orderId,
            @Schema(description = "the original order's number", example = "TND-2026-000123") String orderNumber,
            @Schema(description = "what the replacement was asked for: the return's RMA number",
                    example = "RMA-2026-000042") String reference) {

        static ReplacedOrderView of(ReplacedOrder replaced) {
            return replaced == null ? null
                    : new ReplacedOrderView(replaced.orderId(), replaced.orderNumber(), replaced.reference());
        }
    }

    @Schema(description = "The money of a cancelled paid order going back to the payment method it was paid "
            + "with: the order's total, less what staff or a return refunded before it was cancelled (known once "
            + "the payment provider answers)")
    public record RefundView(
            @Schema(description = "PENDING: asked for, not answered yet; REFUNDED: sent back; FAILED: refused or "
                    + "handed back by the bank, customer service settles it with the shopper") Refund.Status status,
            @Schema(description = "minor units of currency") long amount, @Schema(example = "EUR") String currency,
            @Schema(description = "when the status last changed") Instant updatedAt) {

        static RefundView of(Refund refund, OrderTotals totals) {
            return refund == null ? null
                    : new RefundView(refund.status(), refund.amount(), totals.currency(), refund.updatedAt());
        }
    }

    public record TrackingView(String carrier, String trackingNumber, Instant shippedAt) {

        static TrackingView of(Tracking tracking) {
            return tracking == null ? null
                    : new TrackingView(tracking.carrier(), tracking.trackingNumber(), tracking.shippedAt());
        }
    }

    @Schema(description = "One move of the order: from (absent when placed) to, when, who and why")
    public record HistoryEntry(OrderStatus from, OrderStatus to, Instant at,
            @Schema(description = "a user id, or checkout-saga") String actor, String reason) {

        static HistoryEntry of(StatusChange change) {
            return new HistoryEntry(change.from(), change.to(), change.at(), change.actor(), change.reason());
        }
    }
}
