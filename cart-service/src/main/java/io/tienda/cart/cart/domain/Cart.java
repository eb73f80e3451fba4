package io.tienda.cart.cart.domain;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A shopper's cart: quantities per SKU, an optional coupon and destination, in one currency. Each
 * change is a method that refuses what would break the cart's limits and answers the changed cart;
 * the cart itself never changes. {@code version} counts stored changes (0: never stored), which is
 * how concurrent writers detect each other. {@code absorbed} remembers the guest carts already merged
 * in, so a merge interrupted and repeated adds nothing twice; {@code mergedInto} marks a guest cart
 * that now belongs to a signed-in shopper and takes no more changes. {@code contentsId} names what the cart
 * holds: a new random id each time its lines change (a coupon or destination leaves it), so one checkout
 * of these goods can be told from a later purchase of the same goods put in the cart again.
 */
public record Cart(CartId id, List<CartLine> lines, String contentsId, String currency, String couponCode,
        ShippingAddress shippingAddress, Set<String> absorbed, String mergedInto, long version) {

    public Cart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contentsId, "contentsId");
        Objects.requireNonNull(currency, "currency");
        // stable order: clients render the cart the same way on every device
        lines = lines.stream().sorted(Comparator.comparing(CartLine::sku)).toList();
        absorbed = Set.copyOf(absorbed);
    }

    public static Cart empty(CartId id, String currency) {
        return new Cart(id, List.of(), newContentsId(), currency, null, null, Set.of(), null, 0);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public boolean isStored() {
        return version > 0;
    }

    public boolean isMerged() {
        return mergedInto != null;
    }

    /** Units in the cart, the number a cart badge shows. */
    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    public int quantityOf(String sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).mapToInt(CartLine::quantity).findFirst()
                .orElse(0);
    }

    public boolean contains(String sku) {
        return quantityOf(sku) > 0;
    }

    /** Puts {@code quantity} more units of {@code sku} in the cart: a new line or more of the existing one. */
    public Cart add(String sku, int quantity) {
        CartLine.requireSku(sku);
        CartLine.requireQuantity(quantity);
        requireOpen();
        int current = quantityOf(sku);
        if (current + quantity > CartLimits.MAX_QUANTITY) {
            throw CartProblems.quantityLimit(sku, CartLimits.MAX_QUANTITY);
        }
        if (current == 0 && lines.size() >= CartLimits.MAX_LINES) {
            throw CartProblems.lineLimit(CartLimits.MAX_LINES);
        }
        return withQuantities(put(sku, current + quantity));
    }

    /** Sets the quantity of a line already in the cart. */
    public Cart changeQuantity(String sku, int quantity) {
        CartLine.requireSku(sku);
        CartLine.requireQuantity(quantity);
        requireOpen();
        if (!contains(sku)) {
            throw CartProblems.lineNotInCart(sku);
        }
        return withQuantities(put(sku, quantity));
    }

    /** Takes a line out; taking out a line that is not there changes nothing. */
    public Cart remove(String sku) {
        CartLine.requireSku(sku);
        requireOpen();
        Map<String, Integer> quantities = quantities();
        quantities.remove(sku);
        return withQuantities(quantities);
    }

    /** Empties the cart and drops its coupon; the destination stays, it is still where the shopper lives. */
    public Cart clear() {
        requireOpen();
        return new Cart(id, List.of(), newContentsId(), currency, null, shippingAddress, absorbed, null, version);
    }

    public Cart withCoupon(String code) {
        requireOpen();
        if (code == null || !code.matches(CartLimits.COUPON)) {
            throw CartProblems.invalidField("code", "must be 3 to 32 letters, digits or '-'");
        }
        return new Cart(id, lines, contentsId, currency, code.toUpperCase(Locale.ROOT), shippingAddress, absorbed, mergedInto,
                version);
    }

    public Cart withoutCoupon() {
        requireOpen();
        return new Cart(id, lines, contentsId, currency, null, shippingAddress, absorbed, mergedInto, version);
    }

    public Cart shipTo(ShippingAddress address) {
        requireOpen();
        return new Cart(id, lines, contentsId, currency, couponCode, Objects.requireNonNull(address, "address"), absorbed,
                mergedInto, version);
    }

    /**
     * Merges a guest cart into this one: quantities of the same SKU are summed and capped at
     * {@link CartLimits#MAX_QUANTITY}; new lines join while there is room for them (the guest's lines
     * beyond {@link CartLimits#MAX_LINES} are dropped, in SKU order). The guest's coupon and destination
     * fill in only what this cart lacks. Merging the same guest cart again changes nothing.
     */
    public Cart absorb(Cart guest) {
        requireOpen();
        if (!guest.id().isGuest() || id.isGuest()) {
            throw new IllegalArgumentException("only a guest cart merges, and only into a user's cart");
        }
        if (absorbed.contains(guest.id().value())) {
            return this;
        }
        Map<String, Integer> quantities = quantities();
        for (CartLine line : guest.lines()) {
            Integer current = quantities.get(line.sku());
            if (current != null) {
                quantities.put(line.sku(), Math.min(CartLimits.MAX_QUANTITY, current + line.quantity()));
            } else if (quantities.size() < CartLimits.MAX_LINES) {
                quantities.put(line.sku(), Math.min(CartLimits.MAX_QUANTITY, line.quantity()));
            }
        }
        Set<String> merged = new LinkedHashSet<>(absorbed);
        merged.add(guest.id().value());
        return new Cart(id, toLines(quantities), newContentsId(), currency, couponCode != null ? couponCode : guest.couponCode(),
                shippingAddress != null ? shippingAddress : guest.shippingAddress(), merged, mergedInto, version);
    }

    /** The same cart as stored under {@code newVersion}. */
    public Cart storedAs(long newVersion) {
        return new Cart(id, lines, contentsId, currency, couponCode, shippingAddress, absorbed, mergedInto, newVersion);
    }

    /** Changes are refused once a guest cart belongs to an account. */
    private void requireOpen() {
        if (isMerged()) {
            throw CartProblems.cartMerged();
        }
    }

    private Map<String, Integer> quantities() {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        lines.forEach(line -> quantities.put(line.sku(), line.quantity()));
        return quantities;
    }

    private Map<String, Integer> put(String sku, int quantity) {
        Map<String, Integer> quantities = quantities();
        quantities.put(sku, quantity);
        return quantities;
    }

    private Cart withQuantities(Map<String, Integer> quantities) {
        String contents = quantities.equals(quantities()) ? contentsId : newContentsId();
        return new Cart(id, toLines(quantities), contents, currency, couponCode, shippingAddress, absorbed, mergedInto,
                version);
    }

    /** A contents id for goods never seen before: random, so no cart, however old or recreated, repeats one. */
    public static String newContentsId() {
        return UUID.randomUUID().toString();
    }

    private static List<CartLine> toLines(Map<String, Integer> quantities) {
        return quantities.entrySet().stream().map(e -> new CartLine(e.getKey(), e.getValue())).toList();
    }
}
