package io.tienda.analytics.facts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The rows ingestion derives from events, one record per fact table. Amounts are integer minor
 * units with their ISO currency; every row carries the id of its event, the dedup key.
 */
public final class Facts {

    private Facts() {
    }

    /** Anything written to a fact table. */
    public sealed interface Fact permits Order, OrderLine, Payment, Return, Cart, Product, Stock, Registration,
            Erasure {

        UUID eventId();

        Instant occurredAt();

        String table();
    }

    /**
     * An order event. {@code stage} orders the lifecycle (placed 1 ... delivered 6) so that the latest
     * status of an order is well defined even when two events share a second.
     */
    public record Order(UUID eventId, String type, UUID orderId, String customerId, String cartId, long total,
            String currency, int units, Instant occurredAt) implements Fact {

        public String table() {
            return FactTables.ORDERS;
        }

        public int stage() {
            return switch (type) {
                case "order.placed" -> 1;
                case "order.confirmed" -> 2;
                case "order.rejected" -> 3;
                case "order.cancelled" -> 4;
                case "order.shipped" -> 5;
                case "order.delivered" -> 6;
                default -> 0;
            };
        }
    }

    /**
     * A line of a confirmed order; {@code lineNo} keeps two lines of one SKU apart.
     *
     * @param unitPrice the catalog price of one unit
     * @param lineTotal what the shopper paid for the whole line, after offers and the coupon: the sales
     */
    public record OrderLine(UUID eventId, int lineNo, UUID orderId, String customerId, String sku, String productId,
            String name, int quantity, long unitPrice, long lineTotal, String currency, Instant occurredAt)
            implements Fact {

        public String table() {
            return FactTables.ORDER_LINES;
        }
    }

    /**
     * A payment event: {@code payment.captured}, {@code payment.refunded} or {@code payment.refund_failed}, or
     * a refund staff paid another way ({@code order.refund_settled}, {@code returns.refund_settled}; without
     * payment or refund id).
     *
     * @param refundId the refund's id in payment-service for refunds and refund failures, empty otherwise
     *                 (and for a refund that failed before it was even recorded): a failure whose refund id
     *                 was announced as refunded cancels that refund in every figure
     */
    public record Payment(UUID eventId, String type, UUID orderId, String paymentId, String refundId, long amount,
            String currency, Instant occurredAt) implements Fact {

        public String table() {
            return FactTables.PAYMENTS;
        }
    }

    public record Return(UUID eventId, String type, UUID returnId, UUID orderId, String customerId, long amount,
            String currency, int units, Instant occurredAt) implements Fact {

        public String table() {
            return FactTables.RETURNS;
        }
    }

    /** A cart event; {@code customerId} is empty for a guest. */
    public record Cart(UUID eventId, String type, String cartId, String customerId, String sku, int quantity,
            long amount, String currency, Instant occurredAt) implements Fact {

        public String table() {
            return FactTables.CARTS;
        }
    }

    /** A product event; name, category and brand are empty for price changes and deletions. */
    public record Product(UUID eventId, String type, String productId, String name, String categoryId, String brandId,
            Instant occurredAt) implements Fact {

        public String table() {
            return FactTables.PRODUCTS;
        }
    }

    /** A stock event: {@code stock_changed} sets available and version, {@code low_stock} the rest. */
    public record Stock(UUID eventId, String type, String sku, String warehouse, int onHand, int available,
            int reorderPoint, int reorderQuantity, long version, Instant occurredAt) implements Fact {

        public String table() {
            return FactTables.STOCK;
        }
    }

    /** A sign-up: only who and when (the event's address and token are not analytics' business). */
    public record Registration(UUID eventId, UUID userId, Instant occurredAt) implements Fact {

        public String table() {
            return FactTables.REGISTRATIONS;
        }
    }

    /**
     * A customer erased ({@code user.erased}): from then on the reports show and count them under a random
     * id in place of {@code customerId}, whatever the facts about them say.
     */
    public record Erasure(UUID eventId, String customerId, Instant occurredAt) implements Fact {

        public String table() {
            return FactTables.ERASED_CUSTOMERS;
        }
    }
}
