package io.tienda.order.orders.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.OrderLine;
import io.tienda.order.orders.domain.OrderStatus;
import io.tienda.order.orders.domain.OrderTotals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the order endpoints answer. Amounts are integer minor units of {@code totals.currency}. */
final class OrderResponses {

    private OrderResponses() {
    }

    @Schema(description = "An order in a list: its state and totals, without its lines")
    record OrderSummary(UUID id, OrderStatus status, Totals totals,
            @Schema(description = "units across all lines") int itemCount, Instant createdAt, Instant updatedAt) {

        static OrderSummary of(Order order) {
            return new OrderSummary(order.id(), order.status(), Totals.of(order.totals()), order.itemCount(),
                    order.createdAt(), order.updatedAt());
        }
    }

    @Schema(description = "An order with its lines")
    record OrderDetails(UUID id, String customerId, OrderStatus status, Totals totals, List<Line> lines,
            Instant createdAt, Instant updatedAt) {

        static OrderDetails of(Order order) {
            return new OrderDetails(order.id(), order.customerId(), order.status(), Totals.of(order.totals()),
                    order.lines().stream().map(Line::of).toList(), order.createdAt(), order.updatedAt());
        }
    }

    @Schema(description = "Amounts in minor units of the ISO 4217 currency (e.g. cents)")
    record Totals(@Schema(example = "EUR") String currency, long subtotal, long discount, long shipping, long tax,
            long total) {

        static Totals of(OrderTotals totals) {
            return new Totals(totals.currency(), totals.subtotal(), totals.discount(), totals.shipping(),
                    totals.tax(), totals.total());
        }
    }

    record Line(String sku, String productId, String name, int quantity,
            @Schema(description = "minor units") long unitPrice, @Schema(description = "minor units") long lineTotal) {

        static Line of(OrderLine line) {
            return new Line(line.sku(), line.productId(), line.name(), line.quantity(), line.unitPrice(),
                    line.lineTotal());
        }
    }
}
