package io.tienda.notification.mailing.domain;

import java.util.Optional;

/**
 * The number each order is known to its shopper by ({@code TND-2026-000123}), learnt from the order events
 * that carry it, so that mails driven by events that name only the order's id (payment-service's refunds)
 * name it as the shopper knows it.
 */
public interface OrderNumbers {

    /** Remembers the order's number; the first one stays, so a redelivered event changes nothing. */
    void remember(String orderId, String number);

    Optional<String> of(String orderId);
}
