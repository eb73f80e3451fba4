package io.tienda.payment.invoice.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The receipt of a captured payment: what was charged, what went back, and what the shopper paid in
 * the end. Amounts in minor units of {@code currency}. Card data never appears: the provider has it.
 *
 * @param number stable for the payment, so the same invoice always carries the same number
 */
public record Invoice(String number, UUID paymentId, UUID orderId, String customerId, Instant issuedAt,
        String currency, long charged, List<Line> refunds, String providerReference) {

    /** A settled refund on the invoice. */
    public record Line(Instant at, String description, long amount) {
    }

    public Invoice {
        refunds = List.copyOf(refunds);
    }

    /** {@code TIE-20261101-1A2B3C4D}: the capture date and the start of the payment id. */
    public static String numberFor(UUID paymentId, Instant capturedAt) {
        return "TIE-" + DateTimeFormatter.BASIC_ISO_DATE.format(capturedAt.atOffset(ZoneOffset.UTC)) + "-"
                + paymentId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
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
