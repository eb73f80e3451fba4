package io.tienda.platform.events.user;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * Fact: the user exercised their right to erasure (GDPR art. 17). user-service has anonymised the
 * account; every service that holds personal data keyed by {@code userId} (carts, orders' addresses,
 * tickets, mail history, analytics) must erase or anonymise it too. Orders and invoices the law
 * requires to keep stay, without the person's contact details.
 */
@EventType("user.erased")
public record UserErased(UUID userId, Instant erasedAt) {
}
