package io.tienda.payment;

import io.tienda.platform.problem.DomainException;

/** The problems payment-service answers beyond the platform's. */
public final class PaymentProblems {

    private PaymentProblems() {
    }

    /** Invoices exist only for money actually taken. */
    public static DomainException notCaptured(Object paymentId, Object status) {
        return DomainException.custom(409, "payment-not-captured", "The payment was not captured",
                "payment " + paymentId + " is " + status + ": only captured payments have an invoice");
    }

    /** A webhook whose signature does not verify is refused, and nothing is applied. */
    public static DomainException badSignature() {
        return DomainException.custom(400, "webhook-signature", "The webhook signature does not verify",
                "The Stripe-Signature header is missing, stale or does not match the payload");
    }
}
