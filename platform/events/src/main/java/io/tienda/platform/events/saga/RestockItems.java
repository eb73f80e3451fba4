package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.List;

/**
 * Command: put returned units back on sale, received into the warehouse of highest priority.
 * {@code restockKey} makes a replay harmless; {@code reference} (e.g. the RMA number) goes to the ledger.
 */
@EventType("inventory.restock")
public record RestockItems(String restockKey, String reference, List<StockLine> lines) {
}
