package io.tienda.platform.events.product;

import io.tienda.platform.events.EventType;

import java.util.List;

/** Fact: the selling price of some of a product's SKUs changed. Carts reprice, analytics records it. */
@EventType("product.price_changed")
public record ProductPriceChanged(String productId, List<PriceChange> changes) {
}
