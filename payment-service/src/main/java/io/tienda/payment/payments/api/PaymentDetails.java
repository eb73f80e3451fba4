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
        String currency, long capturedAmount, long refundedAmount, long refundPendingAmount, long refundable,
        @Schema(description = "when an uncaptured authorisation ends") Instant captureBefore,
        @Schema(description = "the provider's reason when it declined, e.g. insufficient_funds") String declineCode,
        String failureReason, Action nextAction, List<RefundView> refunds, Instant createdAt, Instant updatedAt) {

    @Schema(description = "What the shopper must do before the provider authorises (3-D Secure)")
    record Action(@Schema(example = "redirect_to_url") String type, String url, String clientSecret) {

        static Action of(NextAction action) {
            return action == null ? null : new Action(action.type(), action.url(), action.clientSecret());
        }
    }

    static PaymentDetails of(Payments.PaymentRecord found) {
        Payment p = found.payment();
        return new PaymentDetails(p.id(), p.orderId(), p.provider(), p.status(), p.amount(), p.currency(),
                p.capturedAmount(), p.refundedAmount(), p.refundPendingAmount(), Math.max(0, p.refundable()),
                p.captureBefore(), p.declineCode(), p.failureReason(),
                p.status() == PaymentStatus.REQUIRES_ACTION ? Action.of(p.nextAction()) : null,
                found.refunds().stream().map(RefundView::of).toList(), p.createdAt(), p.updatedAt());
    }
}
