package io.tienda.order.saga.domain;

import io.tienda.order.orders.domain.NextAction;

import java.util.List;

/**
 * What the saga decided on a reply, a deadline or a cancellation: its new state, the commands to
 * send (to inventory, payment and product-service), what happens to the order. The coordinator applies all of it in one
 * transaction. An ignored input (a duplicate, a reply out of order) changes nothing.
 */
public record Decision(SagaState state, List<Command> commands, OrderChange orderChange, String ignoredBecause) {

    public Decision {
        commands = List.copyOf(commands);
    }

    static Decision ignore(SagaState state, String why) {
        return new Decision(state, List.of(), null, why);
    }

    public boolean ignored() {
        return ignoredBecause != null;
    }

    /** A command for a participant, keyed by order id on its topic. */
    public record Command(String topic, Object payload) {
    }

    /** What the saga does to its order. */
    public sealed interface OrderChange {
    }

    public record Confirm(String reason) implements OrderChange {
    }

    public record Reject(String reason) implements OrderChange {
    }

    public record Cancel(String reason) implements OrderChange {
    }

    /** The payment waits for the shopper; the order shows them what to do. */
    public record AwaitShopper(NextAction action) implements OrderChange {
    }
}
