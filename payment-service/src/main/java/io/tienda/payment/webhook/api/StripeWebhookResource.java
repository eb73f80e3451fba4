package io.tienda.payment.webhook.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.payment.webhook.StripeWebhooks;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@Tag(name = "Webhooks", description = "Events from the payment provider")
@RestController
class StripeWebhookResource {

    private final StripeWebhooks webhooks;

    StripeWebhookResource(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "Stripe webhook endpoint (public; the Stripe-Signature header proves the sender)",
            description = "Applies payment_intent.*, charge.refunded and refund.* events once per event id; a "
                    + "redelivery answers 200 and changes nothing. A bad signature is 400 and nothing is applied.")
    @PostMapping(path = "/api/v1/payments/webhooks/stripe", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> receive(@RequestBody(required = false) String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        StripeWebhooks.Result result = webhooks.receive(payload, signature);
        return Map.of("received", true, "duplicate", result == StripeWebhooks.Result.DUPLICATE);
    }
}
