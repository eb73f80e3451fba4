package io.tienda.platform.events.saga;

import io.tienda.platform.events.Money;

/** A line of an order as priced at checkout: what analytics, mail and returns need to know. */
public record OrderLine(String sku, String productId, String name, int quantity, Money unitPrice) {
}
