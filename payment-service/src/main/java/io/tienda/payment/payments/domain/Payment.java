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

    /** The provider holds the money until it is captured or voided. */
    public Payment authorized(Instant now) {
        return moveTo(PaymentStatus.AUTHORIZED, now);
    }

    /** The provider declined, or the authorisation could not be completed. */
    public Payment failed(Instant now) {
        return moveTo(PaymentStatus.FAILED, now);
    }

    public Payment captured(Instant now) {
        return moveTo(PaymentStatus.CAPTURED, now);
    }

    /** The authorisation was released without taking the money. */
    public Payment voided(Instant now) {
        return moveTo(PaymentStatus.VOIDED, now);
    }

    /**
     * Money went back to the customer.
     *
     * @param refundedSoFar everything refunded of this payment, this refund included, in minor units
     */
    public Payment refunded(long refundedSoFar, Instant now) {
        if (refundedSoFar <= 0 || refundedSoFar > amount) {
            throw new IllegalArgumentException("refunded total must be 1 to " + amount + ": " + refundedSoFar);
        }
        return moveTo(refundedSoFar == amount ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED, now);
    }

    private Payment moveTo(PaymentStatus next, Instant now) {
        PaymentStatus.MOVES.require("payment " + id, status, next);
        return new Payment(id, orderId, customerId, provider, next, amount, currency, createdAt, now);
    }
}
