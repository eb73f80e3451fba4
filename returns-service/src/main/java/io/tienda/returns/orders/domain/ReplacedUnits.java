package io.tienda.returns.orders.domain;

/**
 * What the units of one SKU of an exchange's replacement order are worth. The replacement ships free, yet its
 * units were paid for on the original order: a return of them gives back what was paid there for the units they
 * replace, and an exchange of them may ask for a variant up to what those sold at.
 *
 * @param unitPrice the catalog price of one unit of the units they replace, in minor units of the order's currency
 * @param paid      what was paid on the original order for all the units they replace
 */
public record ReplacedUnits(String sku, long unitPrice, long paid) {

    /** The worth of units of the same SKU replacing other units too (two lines exchanged for one variant). */
    public ReplacedUnits and(ReplacedUnits other) {
        return new ReplacedUnits(sku, Math.max(unitPrice, other.unitPrice), Math.addExact(paid, other.paid));
    }
}
