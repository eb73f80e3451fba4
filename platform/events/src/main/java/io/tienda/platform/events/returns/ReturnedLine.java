package io.tienda.platform.events.returns;

import io.tienda.platform.events.Money;

/**
 * A line of a return: units of one SKU of the order going back, at the price they were bought for.
 *
 * @param reason      why the customer sends it back (a {@code ReturnReason} name, e.g. {@code DAMAGED})
 * @param restockable set at inspection: whether the units can be sold again; null before it
 * @param exchangeSku for an exchange, the SKU to send instead (the same or another variant); null otherwise
 */
public record ReturnedLine(String sku, String productId, String name, int quantity, Money unitPrice, String reason,
        Boolean restockable, String exchangeSku) {
}
