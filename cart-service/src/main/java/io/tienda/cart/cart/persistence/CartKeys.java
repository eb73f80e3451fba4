package io.tienda.cart.cart.persistence;

/**
 * Redis keys of a cart. The owner id sits in braces, Redis Cluster's hash tag, so a cart's lines
 * and its meta hash live in one slot and a script or transaction may change both atomically.
 */
final class CartKeys {

    private CartKeys() {
    }

    /** Hash: SKU → quantity. */
    static String lines(String ownerId) {
        return "cart:{" + ownerId + "}";
    }

    /** Hash: currency, updatedAt. */
    static String meta(String ownerId) {
        return "cart:{" + ownerId + "}:meta";
    }
}
