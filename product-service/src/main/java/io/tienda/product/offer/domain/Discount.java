package io.tienda.product.offer.domain;

import io.tienda.platform.events.Money;

/**
 * A percentage off, or a fixed amount off in minor units of one currency. Amounts are whole minor
 * units: a percentage is rounded half-up once per line, never per unit, so ten units at 0.99 with
 * 15 % off lose 1.49 and not ten times a rounded 0.15.
 */
public sealed interface Discount {

    /**
     * What this discount takes off {@code quantity} units priced {@code unitPrice} each; never more
     * than they cost, and nothing when a fixed amount is in another currency than the price.
     */
    long on(Money unitPrice, int quantity);

    record PercentOff(int percent) implements Discount {

        public PercentOff {
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("a percentage discount is 1 to 100, not " + percent);
            }
        }

        @Override
        public long on(Money unitPrice, int quantity) {
            return of(Math.multiplyExact(unitPrice.amount(), (long) quantity));
        }

        /** {@code percent} of {@code amount} minor units, rounded half-up to a whole minor unit. */
        public long of(long amount) {
            if (amount < 0) {
                throw new IllegalArgumentException("a discount applies to a positive amount, not " + amount);
            }
            return (Math.multiplyExact(amount, (long) percent) + 50) / 100;
        }
    }

    /** A fixed amount off each unit: a unit cheaper than the amount becomes free, never negative. */
    record AmountOff(Money amount) implements Discount {

        public AmountOff {
            if (amount == null || amount.amount() <= 0) {
                throw new IllegalArgumentException("a fixed discount is a positive amount");
            }
        }

        @Override
        public long on(Money unitPrice, int quantity) {
            if (!amount.currency().equals(unitPrice.currency())) {
                return 0;
            }
            return Math.multiplyExact(Math.min(amount.amount(), Math.max(0, unitPrice.amount())), (long) quantity);
        }
    }
}
