package io.tienda.product.pricing.domain;

import io.tienda.platform.events.Money;
import io.tienda.product.offer.domain.Item;
import io.tienda.product.shared.domain.LocalizedText;

import java.util.Objects;

/** A cart line the catalog sells: the variant, its name, how many, and its list price. */
public record PricingLine(Item item, LocalizedText name, int quantity, Money unitPrice) {

    public PricingLine {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("a line has at least one unit");
        }
        if (unitPrice.amount() < 0) {
            throw new IllegalArgumentException("a price is not negative");
        }
    }

    public long subtotal() {
        return Math.multiplyExact(unitPrice.amount(), (long) quantity);
    }
}
