package io.tienda.product.search.domain;

import java.util.Objects;

/** What inventory last said about one SKU; a lower {@code version} than the one indexed is ignored. */
public record StockUpdate(String sku, int available, long version) {

    public StockUpdate {
        Objects.requireNonNull(sku, "sku");
    }
}
