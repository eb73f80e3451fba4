package io.tienda.payment.payments;

import io.tienda.platform.events.Topics;
import io.tienda.platform.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Replies to the saga on {@code order.saga.replies} and facts on {@code payment.events}, both keyed
 * by order id and both through the outbox of the transaction that changed the payment.
 */
@Component
class Replies {

    private final Outbox outbox;

    Replies(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Answers {@code reply}, published unless it is null. */
    Object reply(UUID orderId, Object reply) {
        if (reply != null) {
            outbox.publish(Topics.SAGA_REPLIES, orderId.toString(), reply);
        }
        return reply;
    }

    void event(UUID orderId, Object event) {
        outbox.publish(Topics.PAYMENT_EVENTS, orderId.toString(), event);
    }
}
