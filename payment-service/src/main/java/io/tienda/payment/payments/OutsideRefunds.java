package io.tienda.payment.payments;

import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.Refund;
import io.tienda.payment.payments.domain.RefundSource;
import io.tienda.payment.payments.persistence.PaymentRepository;
import io.tienda.payment.payments.persistence.RefundRepository;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.returns.ReturnRefundSettled;
import io.tienda.platform.events.saga.OrderRefundSettled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Money paid back outside the provider. When the provider refuses a refund, or never confirms it, staff
 * may pay it another way (a bank transfer) and say so: in order-service for a cancelled order's refund
 * ({@code order.refund_settled}), in returns-service for a return's ({@code returns.refund_settled}).
 * This brings it into the payment's ledger, so that nothing more is refunded through the provider for
 * money already back with the customer, the payment and its invoice show it, and a customer paid twice
 * (the provider's refund went through after all) shows as refunded more than was captured.
 */
@Service
public class OutsideRefunds {

    private static final Logger log = LoggerFactory.getLogger(OutsideRefunds.class);

    /** Prefix of the refund keys: {@code outside:<orderId>}, {@code outside:return:<returnId>}. */
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
     * A refund paid back another way.
     *
     * @param orderId the order whose payment it refunds
     * @param key     its refund key: one per cancelled order, one per return
     * @param what    what it refunded, for the refund's reason and the invoice
     */
    public record Settled(UUID orderId, String key, Money amount, Instant settledAt, String what) {

        public static Settled of(OrderRefundSettled fact) {
            return new Settled(fact.orderId(), KEY + fact.orderId(), fact.amount(), fact.settledAt(),
                    "order " + fact.orderNumber());
        }

        public static Settled of(ReturnRefundSettled fact) {
            return new Settled(fact.orderId(), KEY + "return:" + fact.returnId(), fact.amount(), fact.settledAt(),
                    "return " + fact.rma());
        }
    }

    /**
     * Records the settlement in the transaction the caller holds (the inbox's), once per key: a second
     * settlement of the same order's cancellation, or of the same return, finds its refund and changes
     * nothing. Empty when it did nothing.
     *
     * @throws Unrecordable when the order has no captured payment, or the amount is not in its currency
     */
    public Optional<Refund> record(Settled settled) {
        Payment payment = payments.lockLive(settled.orderId())
                .filter(live -> live.status().isCaptured())
                .orElseThrow(() -> new Unrecordable("order " + settled.orderId() + " has no captured payment"));
        String key = settled.key();
        if (refunds.byKey(payment.id(), key).isPresent()) {
            return Optional.empty();
        }
        if (settled.amount().amount() <= 0) {
            throw new Unrecordable(settled.what() + " of order " + settled.orderId() + " settled "
                    + settled.amount().amount() + ": nothing was paid back");
        }
        if (!payment.currency().equals(settled.amount().currency())) {
            throw new Unrecordable(settled.what() + " of order " + settled.orderId() + " settled "
                    + settled.amount().amount() + " " + settled.amount().currency() + ", but its payment "
                    + payment.id() + " is in " + payment.currency());
        }
        Instant now = clock.instant();
        Payment next = payment.refundedOutside(settled.amount().amount(), now);
        long added = next.refundedOutsideAmount() - payment.refundedOutsideAmount();
        if (added <= 0) {
            log.warn("{} of order {} was paid back outside the provider, but payment {} already counts all {} {} "
                    + "as paid back that way; nothing recorded", settled.what(), settled.orderId(), payment.id(),
                    payment.capturedAmount(), payment.currency());
            return Optional.empty();
        }
        Instant at = settled.settledAt() == null ? now : settled.settledAt();
        Refund refund = Refund.requested(payment.id(), key, RefundSource.OUTSIDE, added, payment.currency(),
                "paid back outside the payment provider (" + settled.what() + ")", null, at)
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
