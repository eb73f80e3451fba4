package io.tienda.inventory.stock.domain;

import java.util.regex.Pattern;

/** SKUs as the catalog writes them. Anything else cannot be stocked, so it is refused at the door. */
public final class Sku {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Sku() {
    }

    public static boolean isValid(String sku) {
        return sku != null && COMPILED.matcher(sku).matches();
    }
}
