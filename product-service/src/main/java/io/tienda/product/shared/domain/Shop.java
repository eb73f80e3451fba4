package io.tienda.product.shared.domain;

/** What holds for the whole shop, whichever part of the catalog asks. */
public final class Shop {

    /**
     * The shop sells in euros: every price, fixed discount, minimum order and quote is in this
     * currency, and pricing refuses to sell at any other.
     */
    public static final String CURRENCY = "EUR";

    private Shop() {
    }
}
