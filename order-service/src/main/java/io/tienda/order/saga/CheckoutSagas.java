package io.tienda.order.saga;

import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.order.OrderProperties;
import io.tienda.order.orders.OrderFacts;
import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.OrderStatus;
import io.tienda.order.orders.domain.Orders;
import io.tienda.order.orders.domain.Refund;
import io.tienda.order.orders.domain.StatusChange;
import io.tienda.order.saga.domain.CheckoutReview.RefundState;
import io.tienda.order.saga.domain.CheckoutSaga;
import io.tienda.order.saga.domain.Decision;
import io.tienda.order.saga.domain.Fact;
import io.tienda.order.saga.domain.SagaOutcome;
import io.tienda.order.saga.domain.SagaReply;
import io.tienda.order.saga.domain.SagaState;
import io.tienda.order.saga.domain.SagaStep;
import io.tienda.order.saga.persistence.SagaRepository;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.saga.StockLine;
import io.tienda.platform.outbox.Outbox;
import io.tienda.platform.problem.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs checkout sagas: feeds {@link CheckoutSaga} the replies, deadlines and cancellations of an
 * order and applies what it decides — the saga's new state, the order's move with its history row
 * and fact, the commands for inventory, payment and product-service (coupons), where the refund of a
 * cancellation stands as the order's shopper sees it — in ONE transaction,
 * the commands and facts through the outbox. The saga row is locked first, so everything that happens to
 * one order happens one at a time.
 */
@Service
public class CheckoutSagas {

    private static final Logger log = LoggerFactory.getLogger(CheckoutSagas.class);

    private final CheckoutSaga saga;
    private final SagaRepository sagas;
    private final Orders orders;
    private final OrderFacts facts;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    CheckoutSagas(SagaRepository sagas, Orders orders, OrderFacts facts, Outbox outbox, Clock clock,
            MeterRegistry meters, OrderProperties properties) {
        this.saga = new CheckoutSaga(properties.saga().deadlines());
        this.sagas = sagas;
        this.orders = orders;
        this.facts = facts;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Starts the saga of a just-placed order, in the transaction that placed it.
     *
     * @param paymentKey the payment provider's idempotency key for this order
     * @param couponBase the order total before the coupon, as product-service checks its minimum
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SagaState start(Order order, String paymentKey, Money couponBase) {
        Instant now = clock.instant();
        String currency = order.totals().currency();
        List<StockLine> lines = order.lines().stream()
                .collect(java.util.stream.Collectors.toMap(l -> l.sku(), l -> l.quantity(), Integer::sum,
                        LinkedHashMap::new))
                .entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList();
        SagaState.SagaCoupon coupon = order.couponCode() == null ? null
                : new SagaState.SagaCoupon(order.couponCode(), couponBase);
        SagaState begun = SagaState.begin(order.id(), order.customerId(), lines,
                Money.of(order.totals().total(), currency), order.paymentMethod(), paymentKey, coupon, now);
        Decision decision = saga.start(begun, now);
        sagas.insert(decision.state());
        send(decision);
        count("start", "applied");
        return decision.state();
    }

    /** A participant replied; a reply for an order without a saga, or one the saga ignores, changes nothing. */
    @Transactional
    public void onReply(UUID orderId, SagaReply reply) {
        Optional<SagaState> found = sagas.lock(orderId);
        String kind = reply.getClass().getSimpleName();
        if (found.isEmpty()) {
            log.info("{} for order {} that has no checkout saga; ignored", kind, orderId);
            count(kind, "unknown-order");
            return;
        }
        Decision decision = saga.on(reply, found.get(), clock.instant());
        if (decision.ignored()) {
            log.info("{} for order {} ignored: {}", kind, orderId, decision.ignoredBecause());
            count(kind, "ignored");
            return;
        }
        apply(found.get(), decision, StatusChange.SAGA);
        count(kind, "applied");
        if (reply instanceof SagaReply.PaymentRefundFailed failed) {
            log.error("order {}: payment-service did not refund its cancellation ({}); check the order's payment",
                    orderId, failed.reason());
        }
    }

    /** Acts on the saga's passed deadline, unless another transaction holds it or it has moved on. */
    @Transactional
    public boolean onDeadline(UUID orderId) {
        Instant now = clock.instant();
        Optional<SagaState> found = sagas.lockIfDue(orderId, now);
        if (found.isEmpty()) {
            return false;
        }
        SagaState before = found.get();
        Decision decision = saga.onDeadline(before, now);
        if (decision.ignored()) {
            return false;
        }
        log.info("checkout of order {} passed its deadline in {} (attempt {}): now {}{}", orderId, before.step(),
                before.attempts(), decision.state().step(),
                decision.state().step() == SagaStep.ENDED && !decision.state().pending().isEmpty()
                        ? ", compensations never acknowledged: " + decision.state().pending() : "");
        if (decision.state().step() == SagaStep.ENDED && !decision.state().pending().isEmpty()) {
            log.error("order {}: {} never acknowledged; check inventory and payment for this order", orderId,
                    decision.state().pending());
        }
        apply(before, decision, StatusChange.SAGA);
        count("deadline", before.step().name().toLowerCase(Locale.ROOT));
        return true;
    }

    /**
     * The customer or staff cancel an order before it ships: the order is CANCELLED now and the saga
     * releases (or restocks) the stock and voids (or refunds) the payment.
     */
    @Transactional
    public Order cancel(UUID orderId, String actor, String given) {
        Optional<SagaState> found = sagas.lock(orderId);
        Order order = orders.find(orderId).orElseThrow(() -> DomainException.notFound("order", orderId));
        Instant now = clock.instant();
        // A customer who erased their account may still cancel while their token lasts: their words are neither
        // kept (the history, this saga) nor sent on (the commands, order.cancelled).
        String reason = StatusChange.isCustomersWords(order.customerId(), actor, given)
                && orders.isErased(order.customerId()) ? StatusChange.ERASED : given;
        // Refuses, with the order's state, anything that cannot be cancelled any more (shipped, ended).
        Order cancelled = order.cancel(now, actor, reason);
        if (found.isEmpty()) {
            // Orders from before the saga existed have nothing to undo.
            Order saved = orders.save(cancelled);
            facts.cancelled(saved, reason, false);
            return saved;
        }
        // The customer's words stay in the order's history, where their erasure finds them; the checkout, and
        // the stock, payment and coupon records it asks for, say only who cancelled.
        String told = StatusChange.isCustomersWords(order.customerId(), actor, reason)
                ? StatusChange.CANCELLED_BY_CUSTOMER : reason;
        Decision decision = saga.cancel(found.get(), told, reason, now);
        if (decision.ignored()) {
            throw DomainException.conflict("Order " + order.number() + " cannot be cancelled: "
                    + decision.ignoredBecause());
        }
        apply(found.get(), decision, actor);
        count("cancel", "applied");
        return orders.find(orderId).orElseThrow();
    }

    /**
     * Whether the order's checkout completed (paid and committed), or it has no saga at all. The saga
     * stays locked until the caller's transaction ends: a cancellation holds the same lock from reading
     * the order to changing it, so a change made under it (a shipment) cannot slip in between and leave
     * the order shipped with its payment refunded and its stock released.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockSettled(UUID orderId) {
        return sagas.lock(orderId).map(s -> s.isOver() && s.outcome() == SagaOutcome.COMPLETED).orElse(true);
    }

    @Transactional(readOnly = true)
    public Optional<SagaState> find(UUID orderId) {
        return sagas.find(orderId);
    }

    private void apply(SagaState before, Decision decision, String actor) {
        SagaState state = decision.state();
        sagas.update(state);
        send(decision);
        if (decision.orderChange() != null) {
            change(state, decision.orderChange(), actor);
        }
        Refund.Status refund = RefundState.of(state).forShopper();
        // Once staff paid the refund another way, the order shows what they paid, whatever answer comes late.
        boolean paidByStaff = state.has(Fact.REFUND_SETTLED_ELSEWHERE);
        if (!paidByStaff
                && (refund != RefundState.of(before).forShopper() || state.refundDue() != before.refundDue())) {
            Order order = orders.find(state.orderId()).orElseThrow();
            orders.save(order.withRefund(refund == null ? null
                    : new Refund(refund, state.refundDue(), clock.instant())));
        }
    }

    private void send(Decision decision) {
        String key = decision.state().orderId().toString();
        decision.commands().forEach(command -> outbox.publish(command.topic(), key, command.payload()));
    }

    private void change(SagaState state, Decision.OrderChange change, String actor) {
        Order order = orders.find(state.orderId()).orElseThrow();
        Instant now = clock.instant();
        if (change instanceof Decision.Confirm confirm) {
            if (move(order, OrderStatus.CONFIRMED)) {
                facts.confirmed(orders.save(order.confirm(now, StatusChange.SAGA, confirm.reason())), now);
            }
        } else if (change instanceof Decision.Reject reject) {
            if (move(order, OrderStatus.REJECTED)) {
                facts.rejected(orders.save(order.reject(now, StatusChange.SAGA, reject.reason())), reject.reason());
            }
        } else if (change instanceof Decision.Cancel cancel) {
            if (move(order, OrderStatus.CANCELLED)) {
                // The saga itself is the actor when a step failed or its deadline passed; a person otherwise.
                facts.cancelled(orders.save(order.cancel(now, actor, cancel.reason())), cancel.reason(),
                        StatusChange.SAGA.equals(actor));
            }
        } else if (change instanceof Decision.AwaitShopper await && order.status() == OrderStatus.PENDING) {
            orders.save(order.withNextAction(await.action()));
        }
    }

    /** The saga and the order agree unless staff moved the order on; then the order's state stands. */
    private static boolean move(Order order, OrderStatus next) {
        if (order.status().canMoveTo(next)) {
            return true;
        }
        log.warn("order {} is {}; the checkout saga wanted it {}", order.id(), order.status(), next);
        return false;
    }

    private void count(String input, String outcome) {
        meters.counter("orders.saga", "input", input, "outcome", outcome).increment();
    }
}
