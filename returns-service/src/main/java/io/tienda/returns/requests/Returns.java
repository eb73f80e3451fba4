package io.tienda.returns.requests;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.platform.core.IdempotencyKeys;
import io.tienda.platform.core.Page;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.returns.ReturnApproved;
import io.tienda.platform.events.returns.ReturnExchanged;
import io.tienda.platform.events.returns.ReturnReceived;
import io.tienda.platform.events.returns.ReturnRefundSettled;
import io.tienda.platform.events.returns.ReturnRefunded;
import io.tienda.platform.events.returns.ReturnRejected;
import io.tienda.platform.events.returns.ReturnRequested;
import io.tienda.platform.events.returns.ReturnedLine;
import io.tienda.platform.events.saga.CreateReplacementOrder;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.saga.RefundPayment;
import io.tienda.platform.events.saga.RestockItems;
import io.tienda.platform.events.saga.StockLine;
import io.tienda.platform.outbox.Outbox;
import io.tienda.platform.problem.DomainException;
import io.tienda.returns.ReturnsProperties;
import io.tienda.returns.orders.DeliveredOrders;
import io.tienda.returns.orders.domain.DeliveredOrder;
import io.tienda.returns.orders.domain.ReplacedUnits;
import io.tienda.returns.requests.domain.HistoryEntry;
import io.tienda.returns.requests.domain.Inspection;
import io.tienda.returns.requests.domain.ReturnDraft;
import io.tienda.returns.requests.domain.ReturnLine;
import io.tienda.returns.requests.domain.ReturnPolicy;
import io.tienda.returns.requests.domain.ReturnRequest;
import io.tienda.returns.requests.domain.ReturnResolution;
import io.tienda.returns.requests.domain.ReturnStatus;
import io.tienda.returns.requests.domain.ReturnStore;
import io.tienda.returns.requests.domain.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Returns from request to refund or exchange. Each use case is one transaction: the return's row
 * (locked), its history row, and every event and command it causes through the outbox.
 */
@Service
public class Returns {

    private static final Logger log = LoggerFactory.getLogger(Returns.class);

    /** The prefix of the refund and restock keys of a return: {@code return:<id>}. */
    public static final String KEY_PREFIX = "return:";

    /**
     * The refund attempt a settlement outside the payment provider is recorded as, {@code outside:<id>}:
     * never sent to payment-service, it stays the latest attempt, so no answer to an earlier one counts.
     */
    static final String OUTSIDE_KEY_PREFIX = "outside:";

    /** Why an erased customer's exchange was refunded at inspection, in its history. */
    static final String ERASED_EXCHANGE_REFUNDED = "customer erased: refunded instead of exchanged";

    /** Why an exchange was refunded at inspection, in its history, after the SKUs the catalog no longer sells. */
    static final String WITHDRAWN_EXCHANGE_REFUNDED = " no longer sold: refunded instead of exchanged";

    /** What the customer is told when the inspection accepted nothing they sent back. */
    static final String NOTHING_ACCEPTED = "nothing that was sent back could be accepted at inspection";

    private final ReturnStore store;
    private final DeliveredOrders orders;
    private final Outbox outbox;
    private final Clock clock;
    private final ReturnPolicy policy;
    private final ReturnsProperties properties;
    private final Counter paidTwice;

    Returns(ReturnStore store, DeliveredOrders orders, Outbox outbox, Clock clock, ReturnsProperties properties,
            MeterRegistry meters) {
        this.store = store;
        this.paidTwice = Counter.builder("returns.refunds.paid.twice")
                .description("returns whose refund the provider made after staff had paid it another way")
                .register(meters);
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
        this.policy = new ReturnPolicy(properties.window());
        this.properties = properties;
    }

    /** A new return (or the one an earlier request with the same Idempotency-Key created). */
    public record Created(ReturnRequest request, String instructions, boolean replayed) {
    }

    /** A return with its moves, oldest first. */
    public record Detail(ReturnRequest request, List<HistoryEntry> history) {
    }

    /** The id the replacement order of an exchange gets: the same however often it is asked for. */
    public static UUID replacementOrderId(UUID returnId) {
        return UUID.nameUUIDFromBytes(("replacement:" + returnId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A customer asks to send back lines of their own delivered order. The order's row is locked
     * first, so two requests for the same units queue and the second sees the first's.
     */
    @Transactional
    public Created request(String customerId, ReturnDraft draft, String idempotencyKey) {
        DeliveredOrder order = orders.lock(draft.orderId())
                .filter(o -> o.customerId().equals(customerId))
                .orElseThrow(() -> DomainException.notFound("delivered order", draft.orderId()));
        String fingerprint = draft.fingerprint();
        if (idempotencyKey != null) {
            Optional<ReturnStore.Keyed> earlier = store.findByIdempotencyKey(customerId, idempotencyKey);
            if (earlier.isPresent()) {
                ReturnRequest first = earlier.get().request();
                // a return created before fingerprints were kept is known by its order only
                boolean same = earlier.get().fingerprint() == null ? first.orderId().equals(draft.orderId())
                        : earlier.get().fingerprint().equals(fingerprint);
                if (!same) {
                    throw IdempotencyKeys.reused();
                }
                return new Created(first, instructions(first), true);
            }
        }
        Instant now = clock.instant();
        List<ReturnLine> lines = policy.check(draft, order, store.heldByStandingReturns(order.orderId()),
                orders::variant, now);
        UUID id = UUID.randomUUID();
        String rma = store.nextRma(now.atZone(ZoneOffset.UTC).getYear());
        ReturnRequest request = ReturnRequest.requested(id, rma, order.orderId(), order.orderNumber(), customerId,
                draft.resolution(), lines, now);
        store.insert(request, idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey, fingerprint,
                new HistoryEntry(null, ReturnStatus.REQUESTED, now, customerId, null));
        outbox.publish(Topics.RETURNS_EVENTS, id.toString(), new ReturnRequested(id, rma, order.orderId(),
                order.orderNumber(), customerId, draft.resolution().name(),
                lines.stream().map(l -> returned(l, currency(order), l.quantity())).toList(), now));
        log.info("return {} ({}) requested for order {}", rma, id, order.orderId());
        return new Created(request, instructions(request), false);
    }

    public Optional<Detail> get(UUID id) {
        return store.find(id).map(r -> new Detail(r, store.history(id)));
    }

    /** Newest first; the filter's customer is the caller for a customer, null for staff. */
    public Page<ReturnRequest> list(ReturnStore.Filter filter, int page, int size) {
        return new Page<>(store.find(filter, Page.offset(page, size), size), page, size, store.count(filter));
    }

    @Transactional
    public ReturnRequest approve(UUID id, String staffId, String note) {
        return move(id, staffId, note, r -> r.approve(clock.instant()), next ->
                outbox.publish(Topics.RETURNS_EVENTS, id.toString(), new ReturnApproved(id, next.rma(), next.orderId(),
                        next.customerId(), note, next.updatedAt())));
    }

    @Transactional
    public ReturnRequest reject(UUID id, String staffId, String reason) {
        return move(id, staffId, reason, r -> r.reject(clock.instant()), next ->
                outbox.publish(Topics.RETURNS_EVENTS, id.toString(), new ReturnRejected(id, next.rma(), next.orderId(),
                        next.customerId(), reason, next.updatedAt())));
    }

    /** The customer withdraws their request; the caller has checked that it is theirs. */
    @Transactional
    public ReturnRequest cancel(UUID id, String actor) {
        return move(id, actor, "withdrawn", r -> r.cancel(clock.instant()), next -> { });
    }

    @Transactional
    public ReturnRequest receive(UUID id, String staffId, String note) {
        return move(id, staffId, note, r -> r.receive(clock.instant()), next ->
                outbox.publish(Topics.RETURNS_EVENTS, id.toString(), new ReturnReceived(id, next.rma(), next.orderId(),
                        next.customerId(), next.updatedAt())));
    }

    /**
     * The warehouse's findings. Units that can be sold again go back to stock ({@code inventory.restock});
     * a refund is asked of payment-service ({@code payment.refund}) or the replacement order of
     * order-service ({@code order.create_replacement}). When not a single unit is accepted the return
     * ends {@code REJECTED} ({@code returns.rejected}, so the customer is told); when the accepted units
     * are worth nothing it ends {@code REFUNDED} with 0. Either way nothing is asked of anyone. The exchange
     * of a customer erased since they asked for it is refunded instead, as is one whose accepted units would be
     * replaced by a SKU the catalog has withdrawn since (product deleted or deactivated, variant removed), and its
     * history says why.
     */
    @Transactional
    public ReturnRequest inspect(UUID id, String staffId, List<Inspection> findings, String note) {
        ReturnRequest current = locked(id);
        DeliveredOrder order = orderOf(current);
        Instant now = clock.instant();
        Set<String> withdrawn = current.resolution() != ReturnResolution.EXCHANGE ? Set.of()
                : current.lines().stream().map(ReturnLine::replacementSku).filter(orders::withdrawn)
                        .collect(Collectors.toSet());
        ReturnRequest inspected = current.inspect(findings, currency(order), replacementOrderId(id),
                withdrawn::contains, now);
        store.update(inspected, new HistoryEntry(current.status(), inspected.status(), now, staffId, note));
        List<StockLine> restock = inspected.lines().stream()
                .filter(l -> Boolean.TRUE.equals(l.restockable()) && l.accepted() > 0)
                .map(l -> new StockLine(l.sku(), l.accepted())).toList();
        if (!restock.isEmpty()) {
            outbox.publish(Topics.INVENTORY_COMMANDS, id.toString(),
                    new RestockItems(KEY_PREFIX + id, inspected.rma(), restock));
        }
        if (inspected.acceptedUnits() == 0) {
            ReturnRequest rejected = inspected.rejectAtInspection(now);
            store.update(rejected, new HistoryEntry(ReturnStatus.INSPECTED, ReturnStatus.REJECTED, now,
                    HistoryEntry.SERVICE, NOTHING_ACCEPTED));
            outbox.publish(Topics.RETURNS_EVENTS, id.toString(), new ReturnRejected(id, rejected.rma(),
                    rejected.orderId(), rejected.customerId(), NOTHING_ACCEPTED, now));
            return rejected;
        }
        if (current.resolution() == ReturnResolution.EXCHANGE && current.customerErased()) {
            store.update(inspected, new HistoryEntry(ReturnStatus.INSPECTED, ReturnStatus.INSPECTED, now,
                    HistoryEntry.SERVICE, ERASED_EXCHANGE_REFUNDED));
            log.info("return {}: its customer was erased, so its exchange is refunded instead", id);
        } else if (current.resolution() == ReturnResolution.EXCHANGE
                && inspected.settlement() == Settlement.REFUND_PENDING) {
            String why = String.join(", ", inspected.withdrawnReplacements(withdrawn::contains))
                    + WITHDRAWN_EXCHANGE_REFUNDED;
            store.update(inspected, new HistoryEntry(ReturnStatus.INSPECTED, ReturnStatus.INSPECTED, now,
                    HistoryEntry.SERVICE, why));
            log.info("return {}: {}", id, why);
        }
        if (inspected.nothingToSettle()) {
            ReturnRequest refunded = inspected.refunded(now);
            store.update(refunded, new HistoryEntry(ReturnStatus.INSPECTED, ReturnStatus.REFUNDED, now,
                    HistoryEntry.SERVICE, "nothing accepted to refund"));
            publishRefunded(refunded, now);
            return refunded;
        }
        settle(inspected, KEY_PREFIX + id, order);
        return inspected;
    }

    /**
     * Staff act on a failed settlement: a failed refund is asked again (under a new key, since
     * payment-service answers a key's first answer forever), a failed exchange becomes a refund.
     */
    @Transactional
    public ReturnRequest settleAgain(UUID id, String staffId) {
        ReturnRequest current = locked(id);
        DeliveredOrder order = orderOf(current);
        Instant now = clock.instant();
        ReturnRequest next;
        String key;
        if (current.settlement() == Settlement.EXCHANGE_FAILED) {
            next = current.switchToRefund(currency(order), now);
            key = KEY_PREFIX + id;
        } else {
            next = current.retryRefund(now);
            key = KEY_PREFIX + id + ":" + now.toEpochMilli();
        }
        store.update(next, new HistoryEntry(current.status(), next.status(), now, staffId,
                current.settlement() == Settlement.EXCHANGE_FAILED ? "refund instead of the exchange" : "refund asked again"));
        if (next.nothingToSettle()) {
            ReturnRequest refunded = next.refunded(now);
            store.update(refunded, new HistoryEntry(ReturnStatus.INSPECTED, ReturnStatus.REFUNDED, now,
                    HistoryEntry.SERVICE, "nothing accepted to refund"));
            publishRefunded(refunded, now);
            return refunded;
        }
        settle(next, key, order);
        return next;
    }

    /**
     * Staff paid a failed refund another way (a bank transfer) and say so: the return is refunded, its
     * customer is told as for any refund ({@code returns.refunded}), and {@code returns.refund_settled}
     * tells payment-service's ledger and analytics that the money went back without the provider. The
     * settlement is recorded as the return's latest refund attempt, so a failure of an earlier attempt,
     * delivered again or late, no longer reopens it.
     */
    @Transactional
    public ReturnRequest settleOutside(UUID id, String staffId, String note) {
        ReturnRequest current = locked(id);
        Instant now = clock.instant();
        ReturnRequest refunded = current.refundedOutside(now);
        // payment-service records it in the ledger of the payment it names: a replacement's is the original's
        UUID paidBy = orders.find(current.orderId()).map(DeliveredOrder::paidOrderId).orElse(current.orderId());
        store.update(refunded, new HistoryEntry(current.status(), refunded.status(), now, staffId,
                "refund paid outside the payment provider: " + note));
        store.refundAsked(id, OUTSIDE_KEY_PREFIX + id, now);
        outbox.publish(Topics.RETURNS_EVENTS, id.toString(), new ReturnRefundSettled(id, refunded.rma(),
                paidBy, refunded.customerId(), Money.of(refunded.refundAmount(), refunded.currency()), now));
        publishRefunded(refunded, now);
        return refunded;
    }

    // ------------------------------------------------------------ outcomes, from other services' events

    /**
     * An order was delivered ({@code order.delivered}): its customer may return its lines from now on. An
     * exchange's replacement ships at price 0 and the event does not say what it is, but the return that asked
     * for it does: its units are worth what was paid on the original order for the accepted units they replace
     * (their catalog price too is the original's), and a refund of them goes back to the original order's
     * payment, since the replacement has none. A return that was refunded instead (it cannot have its
     * replacement delivered, but should it) gave that money back already: its replacement stays worth 0.
     */
    @Transactional
    public void delivered(OrderDelivered event) {
        Optional<ReturnRequest> exchange = store.lockByReplacementOrder(event.orderId());
        if (exchange.isEmpty()) {
            orders.delivered(event);
            return;
        }
        ReturnRequest request = exchange.get();
        if (request.status() != ReturnStatus.EXCHANGED) {
            log.warn("replacement order {} of return {} delivered while the return is {}/{}; recorded at price 0",
                    event.orderId(), request.id(), request.status(), request.settlement());
            orders.delivered(event);
            return;
        }
        Map<String, ReplacedUnits> bySku = new LinkedHashMap<>();
        for (ReturnLine line : request.lines()) {
            if (line.accepted() > 0) {
                ReplacedUnits worth = new ReplacedUnits(line.replacementSku(),
                        line.unitPrice() == null ? 0 : line.unitPrice(), line.acceptedValue());
                bySku.merge(worth.sku(), worth, ReplacedUnits::and);
            }
        }
        orders.delivered(event, request.orderId(), List.copyOf(bySku.values()));
    }

    /** payment-service refunded what a return asked for ({@code refundKey} {@code return:<id>...}). */
    @Transactional
    public void refundSucceeded(String refundKey, Money amount, String refundId) {
        byRefundKey(refundKey).flatMap(store::lock).ifPresent(current -> {
            UUID id = current.id();
            if (current.status() != ReturnStatus.INSPECTED || current.settlement() != Settlement.REFUND_PENDING) {
                if (store.latestRefundKey(id).filter(key -> key.startsWith(OUTSIDE_KEY_PREFIX)).isPresent()) {
                    paidTwice(current, refundKey, amount, refundId);
                    return;
                }
                log.info("return {}: refund {} arrived while {}/{}; nothing to do", id, refundId, current.status(),
                        current.settlement());
                return;
            }
            if (amount != null && current.refundAmount() != null && amount.amount() != current.refundAmount()) {
                log.warn("return {}: asked to refund {}, payment-service refunded {}", id, current.refundAmount(),
                        amount.amount());
            }
            Instant now = clock.instant();
            ReturnRequest refunded = current.refunded(now);
            store.update(refunded, new HistoryEntry(current.status(), refunded.status(), now, HistoryEntry.SERVICE,
                    "refund " + refundId));
            publishRefunded(refunded, now);
        });
    }

    /**
     * A refund of the provider went through after staff had paid the return's refund another way: the customer
     * has the money twice. The first such refund marks the return for staff ({@code paidTwice=true} lists it)
     * with a history row naming the refund, and counts {@code returns.refunds.paid.twice}, which an alert
     * watches; the same refund told again changes nothing. Every one is logged.
     */
    private void paidTwice(ReturnRequest current, String refundKey, Money amount, String refundId) {
        UUID id = current.id();
        log.warn("return {}: refund {} ({}) went through after staff paid the refund outside the payment provider; "
                + "the customer was paid twice", id, refundId, refundKey);
        String paid = amount == null ? "" : " of " + amount.amount() + " " + amount.currency();
        if (store.paidTwice(id, new HistoryEntry(current.status(), current.status(), clock.instant(),
                HistoryEntry.SERVICE, "refund " + refundId + paid + " went through after the refund was paid outside "
                        + "the payment provider: the customer was paid twice"))) {
            paidTwice.increment();
        }
    }

    /**
     * payment-service refused or failed the refund: recorded for staff, who may ask again. Also a refund
     * it had confirmed ({@code payment.refunded}) and whose provider failed it afterwards: the return goes
     * back from {@code REFUNDED} to the same failed refund, since the customer never got the money. Only
     * the latest attempt's key counts either way; a failure of any other refund changes nothing.
     */
    @Transactional
    public void refundFailed(String refundKey, String reason) {
        byRefundKey(refundKey).flatMap(store::lock).ifPresent(current -> {
            UUID id = current.id();
            boolean awaited = current.status() == ReturnStatus.INSPECTED
                    && current.settlement() == Settlement.REFUND_PENDING;
            // A return refunded with nothing to pay (amount 0) asked payment-service for nothing.
            boolean settled = current.status() == ReturnStatus.REFUNDED && current.refundAmount() != null
                    && current.refundAmount() > 0;
            if (!awaited && !settled) {
                log.info("return {}: failure of refund {} arrived while {}/{}; nothing to do", id, refundKey,
                        current.status(), current.settlement());
                return;
            }
            // An earlier attempt's failure, delivered again or late: staff have asked again since, and that
            // attempt's answer is still to come (or came). Taking this one would overturn it.
            Optional<String> latest = store.latestRefundKey(id);
            if (latest.isPresent() && !latest.get().equals(refundKey)) {
                log.info("return {}: failure of the earlier refund {} ignored; {} is the latest", id, refundKey,
                        latest.get());
                return;
            }
            Instant now = clock.instant();
            if (settled) {
                String why = "refund failed after it had succeeded: " + truncate(reason);
                ReturnRequest reopened = current.refundReversed(why, now);
                store.update(reopened, new HistoryEntry(current.status(), reopened.status(), now,
                        HistoryEntry.SERVICE, why));
                log.warn("return {}: its refund {} failed at the provider after it had succeeded: {}", id, refundKey,
                        reason);
                return;
            }
            ReturnRequest failed = current.refundFailed(truncate(reason), now);
            store.update(failed, new HistoryEntry(current.status(), failed.status(), now, HistoryEntry.SERVICE,
                    "refund failed: " + truncate(reason)));
            log.warn("return {}: refund failed: {}", id, reason);
        });
    }

    /** An order was confirmed; when it is an exchange's replacement, the exchange is done. */
    @Transactional
    public void orderConfirmed(UUID orderId) {
        store.lockByReplacementOrder(orderId).ifPresent(current -> {
            if (current.settlement() != Settlement.EXCHANGE_PENDING) {
                return;
            }
            Instant now = clock.instant();
            ReturnRequest exchanged = current.exchanged(now);
            store.update(exchanged, new HistoryEntry(current.status(), exchanged.status(), now, HistoryEntry.SERVICE,
                    "replacement order " + orderId + " confirmed"));
            String currency = currencyOf(current);
            outbox.publish(Topics.RETURNS_EVENTS, current.id().toString(), new ReturnExchanged(current.id(),
                    current.rma(), current.orderId(), current.customerId(), orderId,
                    accepted(exchanged, currency), now));
        });
    }

    /**
     * A replacement order was rejected (no stock) or cancelled: recorded; staff may refund instead. Also a
     * replacement cancelled after its confirmation had ended the return {@code EXCHANGED} (order-service
     * confirms a free order before committing its stock, and its customer or staff may cancel it until it
     * ships): the return goes back to the same failed exchange. As for a replacement rejected at once, no
     * event is published: order-service's own {@code order.cancelled} tells the customer and the figures.
     * A return settled any other way (a refund asked or made instead) is left as it is.
     */
    @Transactional
    public void orderFailed(UUID orderId, String reason) {
        store.lockByReplacementOrder(orderId).ifPresent(current -> {
            boolean awaited = current.status() == ReturnStatus.INSPECTED
                    && current.settlement() == Settlement.EXCHANGE_PENDING;
            boolean exchanged = current.status() == ReturnStatus.EXCHANGED;
            if (!awaited && !exchanged) {
                log.info("return {}: failure of replacement order {} arrived while {}/{}; nothing to do",
                        current.id(), orderId, current.status(), current.settlement());
                return;
            }
            Instant now = clock.instant();
            if (exchanged) {
                String why = "failed after it was confirmed: " + truncate(reason);
                ReturnRequest reopened = current.exchangeReversed(why, now);
                store.update(reopened, new HistoryEntry(current.status(), reopened.status(), now,
                        HistoryEntry.SERVICE, "replacement order " + orderId + " " + why));
                log.warn("return {}: replacement order {} failed after it was confirmed: {}", current.id(), orderId,
                        reason);
                return;
            }
            ReturnRequest failed = current.exchangeFailed(truncate(reason), now);
            store.update(failed, new HistoryEntry(current.status(), failed.status(), now, HistoryEntry.SERVICE,
                    "replacement order " + orderId + " failed: " + truncate(reason)));
            log.warn("return {}: replacement order {} failed: {}", current.id(), orderId, reason);
        });
    }

    /**
     * The customer exercised their right to erasure: their returns and delivered orders keep their
     * amounts, lines and history for the books, under a replacement id, without their words. Those already
     * settled, or whose refund or replacement was asked for, keep their course; an exchange not yet
     * inspected is refunded instead ({@link #inspect}).
     */
    @Transactional
    public int erase(String customerId) {
        // One id per customer: an erasure told again, and an order delivered after it, get the first one.
        String replacement = orders.erasedAs(customerId)
                .orElseGet(() -> ReturnRequest.ERASED_CUSTOMER + UUID.randomUUID());
        Instant now = clock.instant();
        List<UUID> ids = store.lockOf(customerId);
        for (UUID id : ids) {
            ReturnRequest current = store.find(id).orElseThrow();
            store.update(current.anonymised(replacement, now), null);
        }
        store.anonymiseActor(customerId, replacement);
        orders.anonymise(customerId, replacement);
        log.info("erased a customer from {} returns", ids.size());
        return ids.size();
    }

    // ------------------------------------------------------------ helpers

    private ReturnRequest move(UUID id, String actor, String note, UnaryOperator<ReturnRequest> transition,
            java.util.function.Consumer<ReturnRequest> announce) {
        ReturnRequest current = locked(id);
        ReturnRequest next = transition.apply(current);
        store.update(next, new HistoryEntry(current.status(), next.status(), next.updatedAt(), actor, note));
        announce.accept(next);
        return next;
    }

    /** The delivered order a return belongs to; kept as long as a return names it (DeliveredOrdersHousekeeping). */
    private DeliveredOrder orderOf(ReturnRequest request) {
        return orders.find(request.orderId()).orElseThrow(() -> DomainException.conflict("Order "
                + request.orderNumber() + " of return " + request.rma() + " is not known here, so the return cannot "
                + "be settled; it needs order-service's order.delivered again"));
    }

    private ReturnRequest locked(UUID id) {
        return store.lock(id).orElseThrow(() -> DomainException.notFound("return", id));
    }

    /**
     * Sends what settles the return. A refund goes to the payment of the order that paid for the units:
     * payment-service refunds by order id, and an exchange's replacement has no payment of its own.
     */
    private void settle(ReturnRequest request, String refundKey, DeliveredOrder order) {
        if (request.settlement() == Settlement.REFUND_PENDING) {
            store.refundAsked(request.id(), refundKey, clock.instant());
            UUID paidBy = order.paidOrderId();
            outbox.publish(Topics.PAYMENT_COMMANDS, paidBy.toString(), new RefundPayment(paidBy,
                    Money.of(request.refundAmount(), request.currency()), "return " + request.rma(), refundKey));
        } else if (request.settlement() == Settlement.EXCHANGE_PENDING) {
            List<OrderLine> lines = request.lines().stream().filter(l -> l.accepted() > 0)
                    .map(l -> new OrderLine(l.replacementSku(), l.productId(),
                            l.name(), l.accepted(), Money.of(0, currency(order))))
                    .toList();
            outbox.publish(Topics.ORDER_COMMANDS, request.replacementOrderId().toString(), new CreateReplacementOrder(
                    request.replacementOrderId(), request.orderId(), request.customerId(), request.rma(), lines));
        }
    }

    /**
     * {@code returns.refunded}: the accepted lines and the money that went back for them. A return that
     * accepted no unit never gets here: it is rejected at inspection.
     */
    private void publishRefunded(ReturnRequest refunded, Instant now) {
        outbox.publish(Topics.RETURNS_EVENTS, refunded.id().toString(), new ReturnRefunded(refunded.id(),
                refunded.rma(), refunded.orderId(), refunded.customerId(),
                Money.of(refunded.refundAmount(), refunded.currency()), accepted(refunded, refunded.currency()), now));
    }

    /** The accepted units of each line, as events report them. */
    private static List<ReturnedLine> accepted(ReturnRequest request, String currency) {
        return request.lines().stream().filter(l -> l.accepted() > 0)
                .map(l -> returned(l, currency, l.accepted())).toList();
    }

    private static ReturnedLine returned(ReturnLine line, String currency, int quantity) {
        return new ReturnedLine(line.sku(), line.productId(), line.name(), quantity,
                Money.of(line.unitPrice() == null ? 0 : line.unitPrice(), currency),
                line.reason() == null ? null : line.reason().name(), line.restockable(), line.exchangeSku());
    }

    private String currencyOf(ReturnRequest request) {
        return request.currency() != null ? request.currency()
                : orders.find(request.orderId()).map(Returns::currency).orElse("EUR");
    }

    private static String currency(DeliveredOrder order) {
        return order.currency() == null ? "EUR" : order.currency();
    }

    /** The return's id in a refund key {@code return:<id>} or {@code return:<id>:<attempt>}; empty for others' keys. */
    static Optional<UUID> byRefundKey(String refundKey) {
        if (refundKey == null || !refundKey.startsWith(KEY_PREFIX) || refundKey.length() < KEY_PREFIX.length() + 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(refundKey.substring(KEY_PREFIX.length(), KEY_PREFIX.length() + 36)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String truncate(String text) {
        String value = text == null ? "unknown" : text;
        return value.length() > 400 ? value.substring(0, 400) : value;
    }

    private String instructions(ReturnRequest request) {
        return "Your return " + request.rma() + " is registered. Once we approve it, pack the items with "
                + request.rma() + " written on the parcel and send them to " + properties.returnAddress()
                + ". We inspect them when they arrive and then "
                + (request.resolution() == ReturnResolution.REFUND
                ? "refund the accepted items to your original payment method."
                : "send the replacement items at no charge.");
    }
}
