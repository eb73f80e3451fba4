package io.tienda.inventory.stock.domain;

/** Why the books were corrected. Required for every adjustment, so that each one can be audited. */
public enum AdjustmentReason {
    /** A stock count found a different quantity. */
    CYCLE_COUNT,
    DAMAGED,
    LOST,
    FOUND,
    RETURNED_TO_SUPPLIER,
    /** A booking error, e.g. a receipt entered twice. */
    CORRECTION
}
