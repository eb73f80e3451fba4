package io.tienda.returns.requests.domain;

/**
 * Units of one SKU sent back.
 *
 * @param productId        the product the SKU is a variant of; null on returns recorded before it was kept
 * @param unitPrice        the catalog price of one unit, in minor units of the order's currency; null when unknown
 * @param paid             what the customer paid for the {@code quantity} units sent back, after offers and
 *                         the coupon; null on returns recorded before it was kept
 * @param exchangeSku      for an exchange, the SKU sent in its place; null otherwise
 * @param acceptedQuantity set at inspection: units accepted back (at most {@code quantity}); null before
 * @param restockable      set at inspection: whether the accepted units can be sold again; null before
 */
public record ReturnLine(int lineNo, String sku, String productId, String name, int quantity, Long unitPrice,
        Long paid, ReturnReason reason, String comment, String exchangeSku, Integer acceptedQuantity,
        Boolean restockable) {

    /** The short form of the first version: what is sent back and what replaces it. */
    public ReturnLine(int lineNo, String sku, int quantity, String exchangeSku) {
        this(lineNo, sku, null, null, quantity, null, null, null, null, exchangeSku, null, null);
    }

    /** The SKU an exchange sends in place of these units: the one asked for, or the same. */
    public String replacementSku() {
        return exchangeSku == null ? sku : exchangeSku;
    }

    public int accepted() {
        return acceptedQuantity == null ? 0 : acceptedQuantity;
    }

    /**
     * What the accepted units cost the customer, and so what a refund gives back for them: their share of
     * what was paid, all of it when every unit is accepted. Returns recorded before that was kept fall
     * back to the catalog price.
     */
    public long acceptedValue() {
        if (paid == null) {
            return unitPrice == null ? 0 : Math.multiplyExact(unitPrice, (long) accepted());
        }
        return Math.multiplyExact(paid, (long) accepted()) / quantity;
    }

    ReturnLine inspected(int accepted, boolean canBeSoldAgain) {
        if (accepted < 0 || accepted > quantity) {
            throw new InvalidReturnException("lines[" + sku + "].acceptedQuantity",
                    "between 0 and the " + quantity + " units sent back");
        }
        return new ReturnLine(lineNo, sku, productId, name, quantity, unitPrice, paid, reason, comment, exchangeSku,
                accepted, accepted > 0 && canBeSoldAgain);
    }

    ReturnLine withoutComment() {
        return new ReturnLine(lineNo, sku, productId, name, quantity, unitPrice, paid, reason, null, exchangeSku,
                acceptedQuantity, restockable);
    }
}
