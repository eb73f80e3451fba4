package io.tienda.cart.pricing.domain;

/** A product's name in the shop's languages, as the catalog has it. */
public record ProductName(String es, String en) {
}
