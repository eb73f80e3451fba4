package io.tienda.order.saga;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.order.orders.OrderFacts;
import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.Orders;
import io.tienda.order.orders.domain.Refund;
import io.tienda.order.saga.domain.CheckoutReview;
import io.tienda.order.saga.domain.CheckoutReview.Resolution;
import io.tienda.order.saga.domain.Fact;
import io.tienda.order.saga.domain.SagaState;
import io.tienda.order.saga.persistence.SagaRepository;
import io.tienda.platform.core.Page;
import io.tienda.platform.problem.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Staff's side of the checkout saga: one order's checkout as the saga left it, the checkouts that need
 * attention (compensations never acknowledged, a refused refund), and their resolution by staff. The
 * number of unresolved ones is the gauge {@code orders_checkouts_attention}, for an alert.
 */
@Service
public class CheckoutReviews {

    private static final Logger log = LoggerFactory.getLogger(CheckoutReviews.class);

    private final SagaRepository sagas;
    private final Orders orders;
    private final OrderFacts facts;
    private final Clock clock;

    CheckoutReviews(SagaRepository sagas, Orders orders, OrderFacts facts, Clock clock, MeterRegistry meters) {
        this.sagas = sagas;
        this.orders = orders;
        this.facts = facts;
        this.clock = clock;
        Gauge.builder("orders.checkouts.attention", sagas, SagaRepository::countNeedingAttention)
                .description("checkouts that need attention and are not resolved").register(meters);
    }

    /** The order's checkout; 404 when there is no such order, or it has no checkout. */
    @Transactional(readOnly = true)
    public CheckoutReview get(UUID orderId) {
        CheckoutReview review = sagas.review(orderId)
                .orElseThrow(() -> DomainException.notFound("checkout of order", orderId));
        return orders.find(orderId).map(review::of).orElse(review);
    }

    @Transactional(readOnly = true)
    public Page<CheckoutReview> needingAttention(int page, int size) {
        List<CheckoutReview> reviews = sagas.needingAttention(Page.offset(page, size), size);
        Map<UUID, Order> byId = orders.findAll(reviews.stream().map(review -> review.saga().orderId()).toList())
                .stream().collect(Collectors.toMap(Order::id, Function.identity()));
        return new Page<>(reviews.stream().map(review -> Optional.ofNullable(byId.get(review.saga().orderId()))
                .map(review::of).orElse(review)).toList(), page, size, sagas.countNeedingAttention());
    }

    /**
     * Marks what the checkout left for operations as dealt with. 409 {@code nothing-to-resolve} when
     * nothing of it needs attention, or someone already resolved it.
     *
     * @param refunded staff paid the refund the saga could not (a bank transfer): the order shows its
     *                 shopper the refund REFUNDED, and {@code order.refund_settled} tells the rest. Allowed
     *                 on a checkout resolved before (they resolved it, then paid), whose resolution this one
     *                 replaces; 409 {@code no-outstanding-refund} unless the saga's refund was refused or is
     *                 unconfirmed and nobody paid it another way yet.
     * @param paid     with {@code refunded}, what staff paid (minor units of the order's currency), when less
     *                 than the refund's amount ({@code SagaState.refundDue}); null: all of it. More is 409
     *                 {@code refund-exceeds-due}.
     */
    @Transactional
    public CheckoutReview resolve(UUID orderId, String by, String note, boolean refunded, Long paid) {
        SagaState saga = sagas.lock(orderId)
                .orElseThrow(() -> DomainException.notFound("checkout of order", orderId));
        CheckoutReview before = get(orderId);
        if (refunded && !before.refundOutstanding()) {
            throw DomainException.custom(409, "no-outstanding-refund", "No outstanding refund",
                    saga.has(Fact.REFUND_SETTLED_ELSEWHERE) ? "the refund was already paid another way"
                            : "the checkout's refund is " + before.refund() + "; only a refused or unconfirmed "
                                    + "refund can be marked as refunded another way");
        }
        if (!refunded && !before.needsAttention()) {
            throw nothingToResolve(before);
        }
        if (refunded && paid != null && paid > saga.refundDue()) {
            throw DomainException.custom(409, "refund-exceeds-due", "More than the refund is for",
                    "the refund is for " + saga.refundDue() + " " + saga.amount().currency() + ", not " + paid);
        }
        Instant now = clock.instant();
        if (!sagas.resolve(orderId, new Resolution(now, by, note), refunded)) {
            throw nothingToResolve(before);
        }
        if (refunded) {
            // remembered, so that a provider refund that still succeeds is seen as paid twice
            sagas.update(saga.refundSettledElsewhere(now));
            Order order = orders.find(orderId).orElseThrow();
            Refund due = order.refund() != null ? order.refund()
                    : new Refund(Refund.Status.PENDING, saga.refundDue(), now);
            facts.refundSettled(orders.save(order.withRefund(due.paid(paid == null ? due.amount() : paid, now))),
                    now);
        }
        log.info("order {}: checkout resolved by {} ({}{}): {}", orderId, by, before.attention(),
                refunded ? ", refunded another way" : "", note);
        return get(orderId);
    }

    private static DomainException nothingToResolve(CheckoutReview review) {
        return DomainException.custom(409, "nothing-to-resolve", "Nothing to resolve",
                review.resolution() != null ? "the checkout was already resolved by " + review.resolution().by()
                        + " at " + review.resolution().at()
                        : "nothing of this checkout needs attention");
    }
}
