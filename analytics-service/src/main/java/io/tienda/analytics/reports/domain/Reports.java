package io.tienda.analytics.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the reports answer; amounts are integer minor units of one currency. */
public final class Reports {

    private Reports() {
    }

    /**
     * Sales of one bucket (a period, a category, a brand or a product); {@code revenue} is what shoppers
     * paid for the lines, after offers and the coupon, before shipping.
     */
    public record Sales(String key, String label, long orders, long units, long revenue) {
    }

    /** Sales of one period bucket; {@code revenue} as in {@link Sales}. */
    public record PeriodSales(LocalDate period, long orders, long units, long revenue) {
    }

    /**
     * Headline figures.
     *
     * @param gmv               what shoppers paid for confirmed orders' lines, after offers and the coupon,
     *                          before shipping
     * @param refunds           amounts refunded in the period (payment.refunded), less refunds that failed
     *                          at the provider afterwards (payment.refund_failed of the same refund id), and
     *                          refunds staff paid another way (order.refund_settled, returns.refund_settled)
     * @param netRevenue        gmv - refunds
     * @param averageOrderValue gmv / orders, rounded half up
     * @param refundedOrders    orders with a refund in the period that did not wholly fail
     * @param refundRate        orders refunded in the period / confirmed orders, 0 without orders
     * @param carts             distinct carts with an item added in the period
     * @param conversionRate    confirmed orders / carts, 0 without carts
     */
    public record Kpis(long gmv, long refunds, long netRevenue, long orders, long averageOrderValue, long units,
            long refundedOrders, double refundRate, long carts, double conversionRate) {
    }

    /** Distinct carts or orders reaching each stage of the funnel. */
    public record Funnel(long cartsWithAdd, long checkoutsStarted, long ordersPlaced, long ordersConfirmed) {
    }

    /** Customers who confirmed an order in the period, split by whether it was their first ever. */
    public record Customers(long customers, long newCustomers, long returningCustomers, long repeatCustomers,
            double repeatRate, long registrations) {
    }

    /** Customers of a cohort (first confirmed order in {@code cohort}) active in {@code month}. */
    public record CohortCell(LocalDate cohort, LocalDate month, long customers) {
    }

    /** Value of one UTC day (for revenue: what was paid for the day's confirmed lines). */
    public record DailyValue(LocalDate day, long value) {
    }

    /** A SKU at or below its reorder point with no later recovery above it. */
    public record LowStockItem(String sku, String warehouse, int onHand, int available, int reorderPoint,
            int reorderQuantity, Instant reportedAt) {
    }

    /** An order as the facts know it: its latest status. */
    public record RecentOrder(UUID orderId, String customerId, String status, long total, String currency, int units,
            Instant placedAt, Instant updatedAt) {
    }
}
