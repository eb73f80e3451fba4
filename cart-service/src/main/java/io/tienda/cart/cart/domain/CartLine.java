package io.tienda.cart.cart.domain;

/** How many units of one SKU a cart holds: 1 to {@link CartLimits#MAX_QUANTITY}. */
public record CartLine(String sku, int quantity) {

    public CartLine {
        requireSku(sku);
        requireQuantity(quantity);
    }

    static void requireSku(String sku) {
        if (sku == null || !CartLimits.SKU_PATTERN.matcher(sku).matches()) {
            throw CartProblems.invalidField("sku", "must be a SKU: letters, digits, '.', '_' or '-', up to 64");
        }
    }

    static void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > CartLimits.MAX_QUANTITY) {
            throw CartProblems.invalidField("quantity", "must be 1 to " + CartLimits.MAX_QUANTITY);
        }
    }
}
