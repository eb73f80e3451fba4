package io.tienda.inventory.reservation.domain;

/** The reasons a reply can give, as the saga reads them; stable strings, never reworded. */
public final class Reasons {

    /** Some lines cannot be filled from the active warehouses. */
    public static final String INSUFFICIENT_STOCK = "insufficient-stock";
    /** A line names a malformed SKU or an impossible quantity. */
    public static final String INVALID_LINES = "invalid-lines";
    /** The command asked to hold stock until a moment already past. */
    public static final String ALREADY_EXPIRED = "already-expired";
    /** A commit came after the reservation expired, and its units could not be taken again. */
    public static final String RESERVATION_EXPIRED = "reservation-expired";
    /** A commit came after the saga released the reservation. */
    public static final String RESERVATION_RELEASED = "reservation-released";
    /** A commit for an order whose reservation was rejected. */
    public static final String RESERVATION_REJECTED = "reservation-rejected";
    /** A commit for an order nobody reserved. */
    public static final String NO_RESERVATION = "no-reservation";
    /** Why the sweeper released a reservation. */
    public static final String EXPIRED = "expired";

    private Reasons() {
    }
}
