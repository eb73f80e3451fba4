package io.tienda.product.offer.domain;

/** A rule a field breaks, named as the API names the field (e.g. {@code coupon.code}). */
public record Violation(String field, String message) {
}
