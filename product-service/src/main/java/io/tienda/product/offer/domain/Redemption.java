package io.tienda.product.offer.domain;

import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.Objects;

/** One use of a coupon, by one order; {@code customerId} is absent when staff redeem for a guest order. */
public record Redemption(String orderId, String customerId, Money orderTotal, Instant redeemedAt) {

    public Redemption {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(orderTotal, "orderTotal");
        Objects.requireNonNull(redeemedAt, "redeemedAt");
    }
}
