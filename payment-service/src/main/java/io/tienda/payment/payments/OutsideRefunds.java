package io.tienda.payment.payments;

import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.Refund;
import io.tienda.payment.payments.domain.RefundSource;
import io.tienda.payment.payments.persistence.PaymentRepository;
import io.tienda.payment.payments.persistence.RefundRepository;
import io.tienda.platform.events.saga.OrderRefundSettled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Money paid back outside the provider. When the provider refuses a cancelled order's refund, or never
 * confirms it, staff may pay it another way (a bank transfer) and say so in order-service, which
 * publishes {@code order.refund_settled}. This brings it into the payment's ledger, so that nothing more
 * is refunded through the provider for money already back with the customer, the payment and its
 * invoice show it, and a customer paid twice (the provider's refund went through after all) shows as
 * refunded more than was captured.
 */
@Service
public class OutsideRefunds {

    private static final Logger log = LoggerFactory.getLogger(OutsideRefunds.class);

    /** One per order: order-service settles an order's refund another way once. */
    static final String KEY = "outside:";

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final Clock clock;

    OutsideRefunds(PaymentRepository payments, RefundRepository refunds, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.clock = clock;
    }

    /** Why a settlement cannot be recorded; it never will be, so the message is set aside. */
    public static final class Unrecordable extends RuntimeException {

        Unrecordable(String message) {
            super(message);
        }
    }

    /**
     * Records the settlement in the transaction the caller holds (the inbox's), once per order: a second
     * settlement of the same order finds its refund and changes nothing. Empty when it did nothing.
     *
     * @throws Unrecordable when the order has no captured payment, or the amount is not in its currency
     */
    public Optional<Refund> record(OrderRefundSettled settled) {
        Payment payment = payments.lockLive(settled.orderId())
                .filter(live -> live.status().isCaptured())
                .orElseThrow(() -> new Unrecordable("order " + settled.orderId() + " has no captured payment"));
        String key = KEY + settled.orderId();
        if (refunds.byKey(payment.id(), key).isPresent()) {
            return Optional.empty();
        }
        if (!payment.currency().equals(settled.amount().currency()) || settled.amount().amount() <= 0) {
            throw new Unrecordable("order " + settled.orderId() + " settled " + settled.amount().amount() + " "
                    + settled.amount().currency() + ", but its payment " + payment.id() + " is in "
                    + payment.currency());
        }
        Instant now = clock.instant();
        Payment next = payment.refundedOutside(settled.amount().amount(), now);
        long added = next.refundedOutsideAmount() - payment.refundedOutsideAmount();
        if (added <= 0) {
            log.warn("order {} settled its refund outside the provider, but payment {} already counts all {} {} "
                    + "as paid back that way; nothing recorded", settled.orderId(), payment.id(),
                    payment.capturedAmount(), payment.currency());
            return Optional.empty();
        }
        Instant at = settled.settledAt() == null ? now : settled.settledAt();
        Refund refund = Refund.requested(payment.id(), key, RefundSource.OUTSIDE, added, payment.currency(),
                "paid back outside the payment provider (order " + settled.orderNumber() + ")", null, at)
                .succeeded(null, at);
        refunds.insert(refund, null);
        payments.save(next);
        if (next.refundable() < 0) {
            log.warn("payment {} of order {}: refunds settled ({}), pending ({}) and paid outside the provider ({}) add "
                    + "up to {} {} more than was captured; the customer is, or may be, paid back twice", payment.id(),
                    settled.orderId(), next.refundedAmount(), next.refundPendingAmount(), next.refundedOutsideAmount(),
                    -next.refundable(), payment.currency());
        }
        return Optional.of(refund);
    }
}
