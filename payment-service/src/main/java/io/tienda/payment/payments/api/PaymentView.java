package io.tienda.payment.payments.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.PaymentProvider;
import io.tienda.payment.payments.domain.PaymentStatus;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A payment of an order. Never carries card data.")
record PaymentView(UUID id, UUID orderId, PaymentProvider provider, PaymentStatus status,
        @Schema(description = "minor units of currency, e.g. cents") long amount,
        @Schema(example = "EUR") String currency, Instant createdAt, Instant updatedAt) {

    static PaymentView of(Payment payment) {
        return new PaymentView(payment.id(), payment.orderId(), payment.provider(), payment.status(),
                payment.amount(), payment.currency(), payment.createdAt(), payment.updatedAt());
    }
}
