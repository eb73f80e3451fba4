package io.tienda.payment.webhook;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.payment.PaymentProblems;
import io.tienda.payment.PaymentProperties;
import io.tienda.payment.payments.ProviderSync;
import io.tienda.payment.payments.ProviderSync.FollowUp;
import io.tienda.payment.payments.ProviderSync.IntentState;
import io.tienda.payment.payments.domain.NextAction;
import io.tienda.payment.webhook.persistence.WebhookEventRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhooks in Stripe's format, from Stripe or from the simulated provider. The signature is checked
 * with stripe-java ({@code Webhook.constructEvent}) before anything is read; the event id is
 * recorded in the same transaction as its effect, so a redelivery is acknowledged and changes
 * nothing. The payload is read as plain JSON, so that events of any API version apply.
 */
@Service
public class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    private final WebhookEventRepository events;
    private final ProviderSync sync;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final PaymentProperties.Stripe stripe;
    private final MeterRegistry meters;

    StripeWebhooks(WebhookEventRepository events, ProviderSync sync, TransactionTemplate transactions, JsonMapper json,
            Clock clock, PaymentProperties properties, MeterRegistry meters) {
        this.events = events;
        this.sync = sync;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.stripe = properties.stripe();
        this.meters = meters;
    }

    /** What became of a delivery. */
    public enum Result {
        APPLIED,
        DUPLICATE
    }

    /** Verifies and applies one delivery; a bad signature is a 400 problem and nothing is applied. */
    public Result receive(String payload, String signatureHeader) {
        Event event;
        try {
            if (payload == null || signatureHeader == null) {
                throw new SignatureVerificationException("no payload or signature", signatureHeader);
            }
            event = Webhook.constructEvent(payload, signatureHeader, stripe.webhookSecret(),
                    stripe.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException | RuntimeException e) {
            // every series of a meter carries the same tags, or Prometheus drops the ones that differ; an
            // unverified delivery's type is not to be believed
            meters.counter("payment.webhooks", "outcome", "bad-signature", "type", "unknown").increment();
            log.warn("refused a webhook whose signature does not verify");
            throw PaymentProblems.badSignature();
        }
        String type = event.getType();
        String id = event.getId();
        if (id == null || type == null) {
            throw PaymentProblems.badSignature();
        }
        JsonNode object = json.readTree(payload).path("data").path("object");
        // The event id and its effect commit together: a failing effect records nothing, so the
        // provider's redelivery applies it; a redelivery of an applied event finds its id.
        Optional<Optional<FollowUp>> applied = transactions.execute(status -> events.firstTime(id, type)
                ? Optional.of(apply(type, object, instant(event.getCreated()))) : Optional.empty());
        if (applied == null || applied.isEmpty()) {
            meters.counter("payment.webhooks", "outcome", "duplicate", "type", type).increment();
            log.info("webhook {} {} was applied before", id, type);
            return Result.DUPLICATE;
        }
        Optional<FollowUp> followUp = applied.get();
        followUp.ifPresent(sync::release);
        meters.counter("payment.webhooks", "outcome", "applied", "type", type).increment();
        return Result.APPLIED;
    }

    /**
     * @param madeAt when the provider made the event (its {@code created}): the moment of the change it
     *               reports, since an event's data is the object as it was then
     */
    private Optional<FollowUp> apply(String type, JsonNode object, Instant madeAt) {
        if (type.startsWith("payment_intent.")) {
            return sync.intent(type, intent(object));
        }
        switch (type) {
            case "charge.refunded" -> {
                String intentId = text(object, "payment_intent");
                for (JsonNode refund : object.path("refunds").path("data")) {
                    refund(intentId, refund, madeAt);
                }
                sync.refundedTotal(intentId, text(object, "id"), object.path("amount_refunded").asLong(0), madeAt);
            }
            case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" ->
                    refund(text(object, "payment_intent"), object, madeAt);
            default -> log.debug("webhook {} is not one payment-service acts on", type);
        }
        return Optional.empty();
    }

    private void refund(String intentId, JsonNode refund, Instant madeAt) {
        String ours = text(refund.path("metadata"), "tienda_refund_id");
        String reason = text(refund, "failure_reason");
        JsonNode created = refund.path("created");
        sync.refund(intentId == null ? text(refund, "payment_intent") : intentId, text(refund, "id"), uuid(ours),
                refund.path("amount").asLong(0), text(refund, "status"),
                reason == null || reason.length() <= 200 ? reason : reason.substring(0, 200),
                created.isNumber() ? instant(created.asLong()) : null, madeAt);
    }

    /** A time as Stripe gives it, seconds since the epoch; null when not given. */
    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null || epochSeconds <= 0 ? null : Instant.ofEpochSecond(epochSeconds);
    }

    private static IntentState intent(JsonNode pi) {
        JsonNode error = pi.path("last_payment_error");
        JsonNode next = pi.path("next_action");
        NextAction action = null;
        if (next.isObject()) {
            String actionType = text(next, "type");
            String url = text(next.path("redirect_to_url"), "url");
            action = new NextAction(actionType == null ? "use_stripe_sdk" : actionType, url, text(pi, "client_secret"));
        }
        JsonNode card = pi.path("latest_charge").path("payment_method_details").path("card");
        Instant captureBefore = card.path("capture_before").isNumber()
                ? Instant.ofEpochSecond(card.path("capture_before").asLong()) : null;
        return new IntentState(text(pi, "id"), text(pi, "status"), pi.path("amount_received").asLong(0),
                uuid(text(pi.path("metadata"), "tienda_payment_id")), captureBefore, text(error, "code"),
                text(error, "decline_code"), text(error, "message"), action);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
