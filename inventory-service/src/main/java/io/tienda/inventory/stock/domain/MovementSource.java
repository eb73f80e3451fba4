package io.tienda.inventory.stock.domain;

/**
 * What caused a movement and who made it.
 *
 * @param reference an order id, a purchase order, {@code demo-stock}; may be null
 * @param actor     a staff member's user id, or this service acting for the checkout saga
 * @param reason    required for adjustments, null otherwise
 * @param note      free text for people reading the ledger; may be null
 */
public record MovementSource(String reference, String actor, AdjustmentReason reason, String note) {

    /** The service itself, acting for the checkout saga or on its own schedule. */
    public static final String SERVICE = "inventory-service";

    public static MovementSource service(String reference) {
        return new MovementSource(reference, SERVICE, null, null);
    }
}
