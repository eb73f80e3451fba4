package io.tienda.order.shipping;

import io.tienda.order.orders.OrderFacts;
import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.Orders;
import io.tienda.order.orders.domain.Tracking;
import io.tienda.order.saga.CheckoutSagas;
import io.tienda.platform.problem.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Staff move a confirmed order on: shipped with a carrier and tracking number, then delivered. */
@Service
public class Shipping {

    private final Orders orders;
    private final CheckoutSagas sagas;
    private final OrderFacts facts;
    private final Clock clock;

    Shipping(Orders orders, CheckoutSagas sagas, OrderFacts facts, Clock clock) {
        this.orders = orders;
        this.sagas = sagas;
        this.facts = facts;
        this.clock = clock;
    }

    /**
     * Refused (409) unless the order is CONFIRMED and its checkout finished: an order whose payment
     * is not captured yet could still be cancelled by the saga, and a shipped parcel cannot. The saga
     * is locked before the order is read, so a cancellation under way is waited for, then refuses or
     * is refused.
     */
    @Transactional
    public Order ship(UUID id, String carrier, String trackingNumber, String actor) {
        boolean settled = sagas.lockSettled(id);
        Order order = find(id);
        Tracking tracking = new Tracking(carrier, trackingNumber, clock.instant());
        Order shipped = order.ship(tracking, actor);
        if (!settled) {
            throw DomainException.custom(409, "checkout-in-progress", "The checkout has not finished",
                    "Order " + order.number() + " is not paid and committed yet; ship it once it is");
        }
        Order saved = orders.save(shipped);
        facts.shipped(saved);
        return saved;
    }

    @Transactional
    public Order deliver(UUID id, String actor) {
        Order saved = orders.save(find(id).deliver(clock.instant(), actor));
        facts.delivered(saved);
        return saved;
    }

    private Order find(UUID id) {
        return orders.find(id).orElseThrow(() -> DomainException.notFound("order", id));
    }
}
