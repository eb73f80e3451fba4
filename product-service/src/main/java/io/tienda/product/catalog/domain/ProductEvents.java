package io.tienda.product.catalog.domain;

import io.tienda.platform.events.Money;
import io.tienda.platform.events.product.PriceChange;
import io.tienda.platform.events.product.ProductCreated;
import io.tienda.platform.events.product.ProductDeleted;
import io.tienda.platform.events.product.ProductPriceChanged;
import io.tienda.platform.events.product.ProductUpdated;
import io.tienda.platform.events.product.SkuPrice;

import java.util.ArrayList;
import java.util.List;

/** The facts a change of the catalog announces, as the contracts in platform/events spell them. */
public final class ProductEvents {

    private ProductEvents() {
    }

    public static ProductCreated created(Product product) {
        return new ProductCreated(product.id(), product.slug(), product.name().primary(), product.categoryId(),
                brandId(product), product.skus(), product.price(), product.active(), prices(product));
    }

    public static ProductUpdated updated(Product product) {
        return new ProductUpdated(product.id(), product.slug(), product.name().primary(), product.categoryId(),
                brandId(product), product.skus(), product.price(), product.active(), prices(product));
    }

    /** What each variant sells at: its own price, else the product's (returns-service compares them for exchanges). */
    private static List<SkuPrice> prices(Product product) {
        return product.variants().stream().map(v -> new SkuPrice(v.sku(), product.priceOf(v))).toList();
    }

    public static ProductDeleted deleted(Product product) {
        return new ProductDeleted(product.id(), product.skus());
    }

    /**
     * What a replacement announces: always {@code product.updated}, and {@code product.price_changed}
     * when a SKU present before and after now sells at another price. A new SKU has no previous price,
     * and a removed one no current price; {@code product.updated} tells those apart by its SKU list.
     */
    public static List<Object> replaced(Product before, Product after) {
        List<Object> events = new ArrayList<>();
        events.add(updated(after));
        List<PriceChange> changes = priceChanges(before, after);
        if (!changes.isEmpty()) {
            events.add(new ProductPriceChanged(after.id(), changes));
        }
        return events;
    }

    static List<PriceChange> priceChanges(Product before, Product after) {
        List<PriceChange> changes = new ArrayList<>();
        for (Variant now : after.variants()) {
            before.variant(now.sku()).ifPresent(then -> {
                Money previous = before.priceOf(then);
                Money current = after.priceOf(now);
                if (!previous.equals(current)) {
                    changes.add(new PriceChange(now.sku(), previous, current));
                }
            });
        }
        return changes;
    }

    private static String brandId(Product product) {
        return product.brand() == null ? null : product.brand().id();
    }
}
