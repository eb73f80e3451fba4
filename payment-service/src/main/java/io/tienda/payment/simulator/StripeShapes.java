package io.tienda.payment.simulator;

import io.tienda.payment.simulator.domain.IntentStatus;
import io.tienda.payment.simulator.domain.SimulatedIntent;
import io.tienda.payment.simulator.domain.SimulatedReply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulated provider's objects written as Stripe's API writes them, for its webhooks. */
final class StripeShapes {

    private StripeShapes() {
    }

    static Map<String, Object> intent(SimulatedIntent intent, String nextActionUrl) {
        Map<String, Object> pi = new LinkedHashMap<>();
        pi.put("id", intent.id());
        pi.put("object", "payment_intent");
        pi.put("amount", intent.amount());
        pi.put("amount_capturable", intent.amountCapturable());
        pi.put("amount_received", intent.amountReceived());
        pi.put("currency", intent.currency());
        pi.put("capture_method", "manual");
        pi.put("status", intent.status().stripeName());
        pi.put("client_secret", intent.clientSecret());
        pi.put("metadata", intent.metadata());
        pi.put("cancellation_reason", intent.cancellationReason());
        pi.put("created", intent.createdAt().getEpochSecond());
        pi.put("livemode", false);
        if (intent.lastErrorCode() != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "card_error");
            error.put("code", intent.lastErrorCode());
            error.put("decline_code", intent.lastDeclineCode());
            error.put("message", intent.lastErrorMessage());
            pi.put("last_payment_error", error);
        } else {
            pi.put("last_payment_error", null);
        }
        if (intent.status() == IntentStatus.REQUIRES_ACTION) {
            pi.put("next_action", Map.of("type", "redirect_to_url",
                    "redirect_to_url", Map.of("url", nextActionUrl, "return_url", nextActionUrl)));
        } else {
            pi.put("next_action", null);
        }
        pi.put("latest_charge", charge(intent, List.of()));
        return pi;
    }

    static Map<String, Object> charge(SimulatedIntent intent, List<SimulatedReply.Refund> refunds) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("brand", "visa");
        card.put("capture_before", intent.captureBefore() == null ? null : intent.captureBefore().getEpochSecond());
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("id", "ch_" + intent.id().substring(3));
        charge.put("object", "charge");
        charge.put("payment_intent", intent.id());
        charge.put("amount", intent.amount());
        charge.put("amount_captured", intent.amountReceived());
        charge.put("amount_refunded", intent.amountRefunded());
        charge.put("captured", intent.amountReceived() > 0);
        charge.put("refunded", intent.amountReceived() > 0 && intent.amountRefunded() == intent.amountReceived());
        charge.put("payment_method_details", Map.of("type", "card", "card", card));
        charge.put("refunds", Map.of("object", "list", "data", refunds.stream().map(StripeShapes::refund).toList()));
        return charge;
    }

    static Map<String, Object> refund(SimulatedReply.Refund refund) {
        return refund(refund, null);
    }

    /** A refund object; {@code failureReason} is Stripe's {@code failure_reason} of a failed refund. */
    static Map<String, Object> refund(SimulatedReply.Refund refund, String failureReason) {
        Map<String, Object> re = new LinkedHashMap<>();
        re.put("id", refund.id());
        re.put("object", "refund");
        re.put("amount", refund.amount());
        re.put("charge", "ch_" + refund.intentId().substring(3));
        re.put("payment_intent", refund.intentId());
        re.put("status", refund.status());
        re.put("failure_reason", failureReason);
        re.put("metadata", refund.metadata());
        return re;
    }
}
