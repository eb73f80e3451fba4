package io.tienda.inventory.reservation.domain;

/**
 * Where a reservation stands. Only HELD holds stock. Every reservation ends COMMITTED (sold) or
 * gives its units back (RELEASED, EXPIRED), or never held any (REJECTED).
 */
public enum ReservationStatus {
    /** Units set aside for the order until it expires. */
    HELD,
    /** The order was confirmed; its units are sold. */
    COMMITTED,
    /** The saga gave the units back (payment failed, the checkout was abandoned). */
    RELEASED,
    /** Nobody committed in time; the sweeper gave the units back. A late commit may still take them again. */
    EXPIRED,
    /** Committed, then cancelled before shipping: the sold units went back on the shelf. */
    RESTOCKED,
    /** The order could not be filled; nothing was set aside. */
    REJECTED
}
