package io.tienda.order.orders.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The order a replacement order (an exchange's free order, {@code order.create_replacement}) is sent
 * in place of: its id, its human-readable number and the reference the replacement was asked with
 * (the return's RMA number).
 */
public record ReplacedOrder(UUID orderId, String orderNumber, String reference) {

    public ReplacedOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(orderNumber, "orderNumber");
    }
}
