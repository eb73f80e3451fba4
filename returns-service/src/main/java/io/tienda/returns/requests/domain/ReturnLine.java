package io.tienda.returns.requests.domain;

/**
 * Units of one SKU sent back.
 *
 * @param exchangeSku for an exchange, the SKU sent in its place; null otherwise
 */
public record ReturnLine(int lineNo, String sku, int quantity, String exchangeSku) {
}
