package io.tienda.payment.payments.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.payment.payments.Payments;
import io.tienda.payment.payments.domain.NextAction;
import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.PaymentProvider;
import io.tienda.payment.payments.domain.PaymentStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A payment with its ledger and refunds; amounts in minor units of currency. Never carries "
        + "card data.")
record PaymentDetails(UUID id, UUID orderId, PaymentProvider provider, PaymentStatus status, long amount,
        String currency, long capturedAmount, long refundedAmount, long refundPendingAmount,
        @Schema(description = "paid back outside the provider (a bank transfer staff made when its refund failed); "
                + "when it and refundedAmount add up to more than capturedAmount, the customer was paid back twice")
        long refundedOutsideAmount, long refundable,
        @Schema(description = "when an uncaptured authorisation ends") Instant captureBefore,
        @Schema(description = "the provider's reason when it declined, e.g. insufficient_funds") String declineCode,
        String failureReason, Action nextAction, List<RefundView> refunds,
        @Schema(description = "the number of its invoice, given once when the money was taken", example = "TIE-2026-000123")
        String invoiceNumber, Instant createdAt, Instant updatedAt) {

    @Schema(description = "What the shopper must do before the provider authorises (3-D Secure)")
    record Action(@Schema(example = "redirect_to_url") String type, String url,
            @Schema(description = "for Stripe.js (use_stripe_sdk); shown to the paying customer only") String clientSecret) {

        static Action of(NextAction action, boolean shopper) {
            // The client secret lets whoever holds it confirm the payment with Stripe.js: only the
            // customer paying needs it, so staff reading the payment never see it.
            return action == null ? null
                    : new Action(action.type(), action.url(), shopper ? action.clientSecret() : null);
        }
    }

    /** @param shopper whether the caller is the customer paying (who alone gets the 3-D Secure client secret) */
    static PaymentDetails of(Payments.PaymentRecord found, boolean shopper) {
        Payment p = found.payment();
        return new PaymentDetails(p.id(), p.orderId(), p.provider(), p.status(), p.amount(), p.currency(),
                p.capturedAmount(), p.refundedAmount(), p.refundPendingAmount(), p.refundedOutsideAmount(),
                Math.max(0, p.refundable()),
                p.captureBefore(), p.declineCode(), p.failureReason(),
                p.status() == PaymentStatus.REQUIRES_ACTION ? Action.of(p.nextAction(), shopper) : null,
                found.refunds().stream().map(RefundView::of).toList(), found.invoiceNumber(), p.createdAt(),
                p.updatedAt());
    }
}
