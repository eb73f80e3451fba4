package io.tienda.inventory.stock.domain;

/**
 * The ways stock can move, each in one direction only (the table checks the same rule). A quantity
 * is always the number of units concerned; the kind decides what it does to on hand and reserved.
 */
public enum MovementKind {

    /** Goods from a supplier arrive. */
    RECEIPT,
    /** Sold goods come back to the shelf: a cancellation before shipping, or a return. */
    RESTOCK,
    /** The books are corrected to what is really there; the only kind whose quantity may be negative. */
    ADJUSTMENT,
    /** A checkout sets units aside: still on the shelf, no longer for sale. */
    RESERVATION,
    /** A checkout gives its units back. */
    RELEASE,
    /** A confirmed order takes its reserved units: they leave the stock as sold. */
    COMMIT;

    public int onHandDelta(int quantity) {
        return switch (this) {
            case RECEIPT, RESTOCK, ADJUSTMENT -> quantity;
            case RESERVATION, RELEASE -> 0;
            case COMMIT -> -quantity;
        };
    }

    public int reservedDelta(int quantity) {
        return switch (this) {
            case RECEIPT, RESTOCK, ADJUSTMENT -> 0;
            case RESERVATION -> quantity;
            case RELEASE, COMMIT -> -quantity;
        };
    }

    /** Whether {@code quantity} makes sense for this kind: positive, or for an adjustment non-zero. */
    public boolean accepts(int quantity) {
        return this == ADJUSTMENT ? quantity != 0 : quantity > 0;
    }
}
