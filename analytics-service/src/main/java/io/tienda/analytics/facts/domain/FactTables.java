package io.tienda.analytics.facts.domain;

import java.util.List;

/**
 * The fact tables, named once: ingestion writes them, reports read them. Every table is keyed by
 * the id of the event a row came from, so a replayed event adds nothing.
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

    public static final List<String> ALL =
            List.of(ORDERS, ORDER_LINES, PAYMENTS, RETURNS, CARTS, PRODUCTS, STOCK, REGISTRATIONS);

    private FactTables() {
    }
}
