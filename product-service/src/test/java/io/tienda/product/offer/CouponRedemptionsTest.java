package io.tienda.product.offer;

import io.tienda.platform.events.Money;
import io.tienda.platform.problem.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Coupon uses come from the order flow: a shopper's own call is refused before anything is read or written. */
class CouponRedemptionsTest {

    /** No store at all: a refused call that reached it would fail with something else than the refusal. */
    private final CouponRedemptions redemptions = new CouponRedemptions(null, null, Clock.systemUTC());

    private final CouponRedemptions.Caller customer = new CouponRedemptions.Caller("customer-1", false);

    @Test
    void aCustomerRecordsNoUseNotEvenForThemselves() {
        assertThatThrownBy(() -> redemptions.redeem("SUMMER-10", "order-1", "customer-1",
                new Money(5_000, "EUR"), customer))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void aCustomerGivesNoUseBackNotEvenTheirOwn() {
        assertThatThrownBy(() -> redemptions.release("SUMMER-10", "order-1", customer))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
}
