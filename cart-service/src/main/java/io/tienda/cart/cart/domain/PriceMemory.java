package io.tienda.cart.cart.domain;

import io.tienda.cart.pricing.domain.QuotedLine;

import java.time.Instant;

/** The last price the catalog gave a line, kept to answer with (marked stale) when it cannot price. */
public record PriceMemory(QuotedLine line, Instant pricedAt) {
}
