package io.tienda.analytics.facts.domain;

import java.util.List;

/**
 * The fact tables, named once: ingestion writes them, reports read them. Every fact table is keyed
 * by the id of the event a row came from, so a replayed event adds nothing; the erased customers are
 * keyed by customer, so an erasure delivered again adds nothing either.
 */
public final class FactTables {

    /** One row per order event (placed, confirmed, cancelled, rejected, shipped, delivered). */
    public static final String ORDERS = "order_events";
    /**
     * One row per line of a confirmed order: the sales, less the orders cancelled before their payment
     * was captured, which the reports leave out when they read.
     */
    public static final String ORDER_LINES = "order_lines";
    /**
     * Captures, refunds and refund failures of payment.events, and refunds staff settled
     * (order.refund_settled, returns.refund_settled).
     */
    public static final String PAYMENTS = "payment_events";
    /** Return requests, approvals, refunds, exchanges. */
    public static final String RETURNS = "return_events";
    /** Cart adds, removals and checkout starts: the top of the funnel. */
    public static final String CARTS = "cart_events";
    /** Product created/updated/deleted/price_changed: the product dimension. */
    public static final String PRODUCTS = "product_events";
    /** Stock changes and low-stock alerts. */
    public static final String STOCK = "stock_events";
    /** Sign-ups. */
    public static final String REGISTRATIONS = "registrations";

    /**
     * Customers erased (user.erased), each with the random id the reports show and count in place of
     * theirs. No fact table and not in {@link #ALL}: a backfill keeps it, since the facts it rebuilds
     * carry the real ids and their erasure may no longer be on the topic.
     */
    public static final String ERASED_CUSTOMERS = "erased_customers";

    /** The fact tables, which a backfill empties and rebuilds. */
    public static final List<String> ALL =
            List.of(ORDERS, ORDER_LINES, PAYMENTS, RETURNS, CARTS, PRODUCTS, STOCK, REGISTRATIONS);

    private FactTables() {
    }
}
