package io.tienda.notification.template.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every message the service sends, by key, with the variables its template gets. The sample values
 * render previews and prove a template renders before it is saved.
 */
public final class TemplateCatalog {

    public static final List<String> LOCALES = List.of("es", "en");

    /**
     * The variables that carry a secret, by key: the verification and reset links hold a single-use token, and
     * whoever reads one verifies the address or sets the account's password. Every other link (an order, a
     * ticket) leads to a page that asks its reader to sign in. Templates that have one are changed by
     * administrators only, and may place it only where it cannot leave the mail unasked.
     */
    private static final Map<String, Set<String>> SECRETS = Map.of("verify-email", Set.of("link"),
            "password-reset", Set.of("link"));

    private static final Map<String, Map<String, String>> SAMPLES = samples();

    private static Map<String, Map<String, String>> samples() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        String link = "http://localhost:8080/orders/0b8f4c1e-2a47-4a44-9d61-3f7a1a6c2b10";
        sample(all, "verify-email", "name", "Ana", "link", "http://localhost:8080/verify-email?token=sample-token",
                "expiresAt", "2026-01-01T10:00:00Z");
        sample(all, "password-reset", "name", "Ana", "link", "http://localhost:8080/reset-password?token=sample-token",
                "expiresAt", "2026-01-01T10:00:00Z");
        sample(all, "order-confirmed", "name", "Ana", "order", "T-1001", "total", "49.90 EUR", "items", "2", "link", link);
        sample(all, "order-shipped", "name", "Ana", "order", "T-1001", "carrier", "SEUR", "trackingNumber", "SEUR123456",
                "link", link);
        sample(all, "order-delivered", "name", "Ana", "order", "T-1001", "link", link);
        sample(all, "order-cancelled", "name", "Ana", "order", "T-1001", "reason", "payment declined", "link", link);
        sample(all, "payment-refunded", "name", "Ana", "order", "T-1001", "amount", "19.95 EUR", "link", link);
        sample(all, "payment-refund-failed", "name", "Ana", "order", "T-1001", "amount", "19.95 EUR", "link", link);
        sample(all, "refund-settled", "name", "Ana", "order", "T-1001", "amount", "19.95 EUR", "link", link);
        sample(all, "return-requested", "name", "Ana", "rma", "RMA-2001", "order", "T-1001", "resolution", "REFUND",
                "link", link);
        sample(all, "return-approved", "name", "Ana", "rma", "RMA-2001", "note", "Please use the prepaid label",
                "link", link);
        sample(all, "return-rejected", "name", "Ana", "rma", "RMA-2001", "reason", "Outside the return window",
                "link", link);
        sample(all, "return-received", "name", "Ana", "rma", "RMA-2001", "link", link);
        sample(all, "return-refunded", "name", "Ana", "rma", "RMA-2001", "amount", "19.95 EUR", "link", link);
        sample(all, "return-refund-failed", "name", "Ana", "rma", "RMA-2001", "amount", "19.95 EUR", "link", link);
        sample(all, "return-exchanged", "name", "Ana", "rma", "RMA-2001", "replacementOrder",
                "5d1c9a0e-7f2b-4c1d-8e3a-9b0c1d2e3f40", "link", "http://localhost:8080/orders/5d1c9a0e-7f2b-4c1d-8e3a-9b0c1d2e3f40");
        sample(all, "low-stock", "sku", "TSHIRT-RED-M", "warehouse", "MAD-1", "onHand", "3", "available", "1",
                "reorderPoint", "5", "reorderQuantity", "50");
        // customerTold is "yes" when the customer was mailed that the refund failed, absent when not; rma is
        // there only for a return's refund
        sample(all, "refund-failed-alert", "order", "0b8f4c1e-2a47-4a44-9d61-3f7a1a6c2b10", "refund", "re_3PqRsT",
                "payment", "5e6f7a8b-0c1d-4e2f-9a3b-4c5d6e7f8091", "amount", "19.95 EUR", "reason",
                "expired_or_canceled_card", "customerTold", "yes", "rma", "RMA-2001");
        sample(all, "ticket-answered", "name", "Ana", "ticketSubject", "Where is my order?", "reply",
                "It left the warehouse this morning.", "link", "http://localhost:8080/tickets/7c1e");
        return java.util.Collections.unmodifiableMap(all);
    }

    private TemplateCatalog() {
    }

    public static List<String> keys() {
        return List.copyOf(SAMPLES.keySet());
    }

    public static boolean knows(String key, String locale) {
        return SAMPLES.containsKey(key) && LOCALES.contains(locale);
    }

    /** The key's variables that carry a secret (none for most keys). */
    public static Set<String> secrets(String key) {
        return SECRETS.getOrDefault(key, Set.of());
    }

    /** True when one of the key's variables carries a secret: see {@link #secrets}. */
    public static boolean carriesSecret(String key) {
        return SECRETS.containsKey(key);
    }

    /** Sample values for every variable the key's template gets. */
    public static Map<String, String> sample(String key) {
        return SAMPLES.getOrDefault(key, Map.of());
    }

    private static void sample(Map<String, Map<String, String>> all, String key, String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        all.put(key, Map.copyOf(values));
    }
}
