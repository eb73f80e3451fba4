package io.tienda.product.offer.domain;

import io.tienda.platform.events.Money;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The code that unlocks an offer, how often it may be used in all ({@code usageLimit}, null for no
 * limit of its own), how often it has been ({@code used}), the order amount it needs
 * ({@code minimumOrder}, optional) and how often one customer may use it ({@code perCustomerLimit},
 * optional).
 *
 * <p>Every use is recorded inside the offer's document so that counting it, checking the limits and
 * remembering the order it belongs to is one atomic write; {@link #MAX_USES} bounds that record, and
 * with it the document, even for a coupon without a limit of its own.
 */
public record Coupon(String code, Integer usageLimit, int used, Money minimumOrder, Integer perCustomerLimit) {

    public static final Pattern CODE = Pattern.compile("^[A-Z0-9-]{3,32}$");
    public static final int MAX_USES = 50_000;
    public static final int MAX_PER_CUSTOMER = 100;

    public Coupon {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a coupon code is 3 to 32 of A-Z, 0-9 and '-', not " + code);
        }
        if (usageLimit != null && (usageLimit < 1 || usageLimit > MAX_USES)) {
            throw new IllegalArgumentException("a usage limit is 1 to " + MAX_USES);
        }
        if (perCustomerLimit != null && (perCustomerLimit < 1 || perCustomerLimit > MAX_PER_CUSTOMER)) {
            throw new IllegalArgumentException("a per-customer limit is 1 to " + MAX_PER_CUSTOMER);
        }
        if (used < 0) {
            throw new IllegalArgumentException("a coupon cannot have been used " + used + " times");
        }
        if (minimumOrder != null && minimumOrder.amount() < 0) {
            throw new IllegalArgumentException("a minimum order is not negative");
        }
    }

    /** Codes are compared in capitals without surrounding blanks: shoppers type "verano10 ". */
    public static String normalize(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** The uses allowed in all: the coupon's own limit, and never more than {@link #MAX_USES}. */
    public int effectiveLimit() {
        return usageLimit == null ? MAX_USES : Math.min(usageLimit, MAX_USES);
    }

    public boolean exhausted() {
        return used >= effectiveLimit();
    }

    /** Whether an order worth {@code amount} is enough; any amount is when there is no minimum. */
    public boolean minimumMetBy(Money amount) {
        return minimumOrder == null
                || (minimumOrder.currency().equals(amount.currency()) && amount.amount() >= minimumOrder.amount());
    }

    public Coupon withUsed(int count) {
        return new Coupon(code, usageLimit, count, minimumOrder, perCustomerLimit);
    }
}
