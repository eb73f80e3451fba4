package io.tienda.returns.requests.domain;

/** What the warehouse found of one returned line: how many units it accepts and whether they can be sold again. */
public record Inspection(String sku, int acceptedQuantity, boolean restockable) {
}
