package io.tienda.product.shared.domain;

/** One thing wrong with what a client sent: the field's path (e.g. {@code variants[2].sku}) and why. */
public record FieldError(String field, String message) {
}
