package io.tienda.payment.invoice.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The receipt of a captured payment: what was charged, what went back, and what the shopper paid in
 * the end. Amounts in minor units of {@code currency}. Card data never appears: the provider has it.
 *
 * @param number       its number in the year's correlative series ({@code TIE-2026-000123}), given once when
 *                     the payment was captured and stored with it, so the same invoice always carries it
 * @param formerNumber for payments captured before the series, the number their invoice showed then
 *                     ({@code TIE-20261101-1A2B3C4D}); null otherwise
 */
public record Invoice(String number, String formerNumber, UUID paymentId, UUID orderId, String customerId,
        Instant issuedAt,
        String currency, long charged, List<Line> refunds, String providerReference) {

    /** A settled refund on the invoice. */
    public record Line(Instant at, String description, long amount) {
    }

    public Invoice {
        refunds = List.copyOf(refunds);
    }

    public long refunded() {
        return refunds.stream().mapToLong(Line::amount).sum();
    }

    public long net() {
        return charged - refunded();
    }

    /** {@code 25.99 EUR} from minor units; currencies without minor units are shown whole. */
    public String format(long minorUnits) {
        int digits = currencyDigits(currency);
        if (digits == 0) {
            return minorUnits + " " + currency;
        }
        long unit = (long) Math.pow(10, digits);
        String sign = minorUnits < 0 ? "-" : "";
        long abs = Math.abs(minorUnits);
        return sign + (abs / unit) + "." + String.format(Locale.ROOT, "%0" + digits + "d", abs % unit) + " " + currency;
    }

    private static int currencyDigits(String code) {
        try {
            int digits = java.util.Currency.getInstance(code).getDefaultFractionDigits();
            return Math.max(digits, 0);
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
