package io.tienda.cart.cart.domain;

import java.util.regex.Pattern;

/** The bounds every cart keeps, whoever writes it. */
public final class CartLimits {

    /** Units of one SKU in one line. */
    public static final int MAX_QUANTITY = 99;

    /** Different SKUs in one cart; also what product-service prices in one request. */
    public static final int MAX_LINES = 100;

    /** A SKU as the catalog spells them (the same pattern product-service's pricing accepts). */
    public static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** A coupon code as shoppers type it; compared in capitals. */
    public static final String COUPON = "[A-Za-z0-9-]{3,32}";

    static final Pattern SKU_PATTERN = Pattern.compile(SKU);

    private CartLimits() {
    }
}
