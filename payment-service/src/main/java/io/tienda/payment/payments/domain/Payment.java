package io.tienda.payment.payments.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An attempt to take an order's money. Holds no card data: the provider keeps that.
 *
 * @param amount in minor units of {@code currency}
 */
public record Payment(UUID id, UUID orderId, String customerId, PaymentProvider provider, PaymentStatus status,
        long amount, String currency, Instant createdAt, Instant updatedAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
    }
}
