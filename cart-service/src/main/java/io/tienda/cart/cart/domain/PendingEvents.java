package io.tienda.cart.cart.domain;

import io.tienda.platform.messaging.OutboundMessage;

import java.util.List;

/** The outbox: messages stored with cart changes and not yet acknowledged by Kafka. */
public interface PendingEvents {

    /** The oldest pending messages of one cart, in the order they were stored. */
    List<OutboundMessage> of(CartId id, int max);

    /** Forgets a message once Kafka acknowledged it. */
    void sent(CartId id, OutboundMessage message);

    /** Carts that have pending messages, for the sweep. */
    List<CartId> cartsWithPending(int max);
}
