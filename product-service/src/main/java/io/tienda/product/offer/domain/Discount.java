package io.tienda.product.offer.domain;

import io.tienda.platform.events.Money;

/** A percentage off, or a fixed amount off in minor units of one currency. */
public sealed interface Discount {

    record PercentOff(int percent) implements Discount {

        public PercentOff {
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("a percentage discount is 1 to 100, not " + percent);
            }
        }
    }

    record AmountOff(Money amount) implements Discount {

        public AmountOff {
            if (amount == null || amount.amount() <= 0) {
                throw new IllegalArgumentException("a fixed discount is a positive amount");
            }
        }
    }
}
