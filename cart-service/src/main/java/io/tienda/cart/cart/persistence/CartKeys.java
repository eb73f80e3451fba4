package io.tienda.cart.cart.persistence;

import io.tienda.cart.cart.domain.CartId;

import java.util.List;
import java.util.UUID;

/**
 * Redis keys of a cart. The cart id sits in braces, Redis Cluster's hash tag, so every key of one
 * cart lives in one slot and a script may change them together (lines, meta, remembered prices and
 * the outbox of pending events).
 */
final class CartKeys {

    static final String OUTBOX_PATTERN = "cart:{*}:outbox";
    private static final String OUTBOX_SUFFIX = "}:outbox";

    private CartKeys() {
    }

    /** Hash: SKU → quantity. */
    static String lines(CartId id) {
        return "cart:{" + id.value() + "}";
    }

    /** Hash: version, currency, coupon, country, postcode, updatedAt, mergedInto, absorbed:&lt;guest cart id&gt;. */
    static String meta(CartId id) {
        return lines(id) + ":meta";
    }

    /** Hash: SKU → JSON of the line's last price from the catalog. */
    static String prices(CartId id) {
        return lines(id) + ":prices";
    }

    /** List: messages waiting for Kafka, oldest first. */
    static String outbox(CartId id) {
        return lines(id) + ":outbox";
    }

    /** String with a time to live: this event was applied to this cart. */
    static String inbox(CartId id, UUID eventId) {
        return lines(id) + ":inbox:" + eventId;
    }

    /**
     * Hash: what confirmed orders took out of the cart, for a checkout that fails after it to give back:
     * &lt;order id&gt;:&lt;SKU&gt; → units, &lt;order id&gt;:#coupon, &lt;order id&gt;:#at (epoch seconds).
     */
    static String taken(CartId id) {
        return lines(id) + ":taken";
    }

    static List<String> all(CartId id) {
        return List.of(lines(id), meta(id), prices(id));
    }

    static CartId fromOutbox(String key) {
        return new CartId(key.substring("cart:{".length(), key.length() - OUTBOX_SUFFIX.length()));
    }
}
