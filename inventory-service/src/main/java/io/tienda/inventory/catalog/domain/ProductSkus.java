package io.tienda.inventory.catalog.domain;

import java.util.Collection;
import java.util.Set;

/**
 * The SKUs each product had when its last event was applied, to tell the SKUs an event adds to a
 * product from those it already had.
 */
public interface ProductSkus {

    /**
     * Records {@code skus} as all the product's SKUs now, forgetting those it no longer has; answers
     * those it did not have before.
     */
    Set<String> replace(String productId, Collection<String> skus);
}
