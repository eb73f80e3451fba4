package io.tienda.platform.events.product;

import io.tienda.platform.events.EventType;

import java.util.List;

/** Fact: a product left the catalog; its SKUs can no longer be bought. */
@EventType("product.deleted")
public record ProductDeleted(String productId, List<String> skus) {
}
