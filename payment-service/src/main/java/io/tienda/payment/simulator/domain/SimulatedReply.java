package io.tienda.payment.simulator.domain;

import java.util.Map;

/**
 * One answer of the simulated provider, as Stripe would send it: an HTTP status with the object, or
 * an error (which, for a decline, still carries the intent it left behind). Stored whole under its
 * idempotency key, so that a replay answers exactly this again.
 */
public record SimulatedReply(int status, SimulatedIntent intent, Refund refund, Error error) {

    /** A refund of the simulated provider. */
    public record Refund(String id, String intentId, long amount, String status, Map<String, String> metadata) {
    }

    /** Stripe's error body: {@code type}, {@code code}, {@code decline_code}, {@code message}. */
    public record Error(String type, String code, String declineCode, String message) {
    }

    public static SimulatedReply ok(SimulatedIntent intent) {
        return new SimulatedReply(200, intent, null, null);
    }

    public static SimulatedReply ok(Refund refund) {
        return new SimulatedReply(200, null, refund, null);
    }

    public static SimulatedReply error(SimulatedProviderException e, SimulatedIntent intent) {
        return new SimulatedReply(e.httpStatus(), intent, null,
                new Error(e.type(), e.code(), e.declineCode(), e.getMessage()));
    }

    public boolean ok() {
        return error == null;
    }
}
