package io.tienda.payment.simulator;

import io.tienda.payment.PaymentProperties;
import io.tienda.payment.simulator.domain.IntentStatus;
import io.tienda.payment.simulator.domain.SimulatedIntent;
import io.tienda.payment.simulator.domain.SimulatedProviderException;
import io.tienda.payment.simulator.domain.SimulatedReply;
import io.tienda.payment.simulator.domain.TestPaymentMethods;
import io.tienda.payment.simulator.persistence.SimulatedIdempotencyRepository;
import io.tienda.payment.simulator.persistence.SimulatedIntentRepository;
import io.tienda.platform.core.IdempotencyKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import java.util.function.Supplier;

/**
 * The simulated provider: a small Stripe of the local fleet, with its own tables. PaymentIntents
 * follow Stripe's state machine for manual capture and Stripe's test payment methods decide the
 * outcome. Like Stripe it honours idempotency keys: a replay answers the first answer (declines
 * included), the same key with other parameters is an {@code idempotency_error}. Every change sends
 * a signed webhook after it commits.
 */
@Service
@ConditionalOnProperty(name = "tienda.payments.provider", havingValue = "simulated", matchIfMissing = true)
public class SimulatedProvider {

    /** How long {@code pm_card_timeout} keeps its caller waiting: longer than any caller waits. */
    private static final Duration NEVER = Duration.ofSeconds(120);

    private final SimulatedIntentRepository intents;
    private final SimulatedIdempotencyRepository keys;
    private final SimulatedWebhooks webhooks;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final PaymentProperties properties;
    private final SecureRandom random = new SecureRandom();

    SimulatedProvider(SimulatedIntentRepository intents, SimulatedIdempotencyRepository keys,
            SimulatedWebhooks webhooks, TransactionTemplate transactions, JsonMapper json, Clock clock,
            PaymentProperties properties) {
        this.intents = intents;
        this.keys = keys;
        this.webhooks = webhooks;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** {@code POST /v1/payment_intents} with {@code confirm=true, capture_method=manual}. */
    public SimulatedReply createAndConfirm(String idempotencyKey, long amount, String currency, String paymentMethod,
            Map<String, String> metadata) {
        TestPaymentMethods.Behaviour behaviour = TestPaymentMethods.of(paymentMethod);
        if (behaviour instanceof TestPaymentMethods.TimesOut) {
            hang();
        }
        String request = "create|" + amount + "|" + currency + "|" + paymentMethod + "|" + new TreeMap<>(metadata);
        return idempotent(idempotencyKey, request, () -> {
            if (behaviour instanceof TestPaymentMethods.Unknown) {
                return SimulatedReply.error(SimulatedProviderException.invalid("resource_missing",
                        "No such PaymentMethod; use one of Stripe's test payment methods"), null);
            }
            if (amount <= 0) {
                return SimulatedReply.error(SimulatedProviderException.invalid("amount_too_small",
                        "Amount must be at least 1"), null);
            }
            String id = "pi_sim_" + token(12);
            SimulatedIntent intent = SimulatedIntent.confirmed(id, amount, currency, paymentMethod,
                    id + "_secret_" + token(12), metadata, behaviour, clock.instant());
            intents.insert(intent);
            switch (intent.status()) {
                case REQUIRES_CAPTURE -> emit("payment_intent.amount_capturable_updated", intent);
                case REQUIRES_ACTION -> emit("payment_intent.requires_action", intent);
                default -> emit("payment_intent.payment_failed", intent);
            }
            if (intent.declinedOnConfirm()) {
                // Stripe answers a decline with a 402 card_error that carries the intent it left behind.
                return SimulatedReply.error(new SimulatedProviderException(402, "card_error", intent.lastErrorCode(),
                        intent.lastDeclineCode(), intent.lastErrorMessage()), intent);
            }
            return SimulatedReply.ok(intent);
        });
    }

    /**
     * {@code POST /v1/payment_intents/{id}/capture}. The authorisation of {@code pm_card_captureFail} has lapsed
     * by then: the intent is canceled ({@code automatic}, with its webhook) and the capture refused, as Stripe
     * refuses one of an expired hold.
     */
    public SimulatedReply capture(String idempotencyKey, String intentId, long amountToCapture) {
        return idempotent(idempotencyKey, "capture|" + intentId + "|" + amountToCapture, () -> {
            SimulatedIntent intent = intents.lock(intentId).orElse(null);
            if (intent != null && intent.status() == IntentStatus.REQUIRES_CAPTURE
                    && TestPaymentMethods.authorizationLapsesBeforeCapture(intent.paymentMethod())) {
                SimulatedIntent lapsed = intent.canceled("automatic");
                intents.save(lapsed);
                emit("payment_intent.canceled", lapsed);
                try {
                    lapsed.captured(amountToCapture);
                } catch (SimulatedProviderException refused) {
                    return SimulatedReply.error(refused, lapsed);
                }
            }
            return change(intentId, current -> current.captured(amountToCapture), "payment_intent.succeeded");
        });
    }

    /** {@code POST /v1/payment_intents/{id}/cancel}. */
    public SimulatedReply cancel(String idempotencyKey, String intentId) {
        return idempotent(idempotencyKey, "cancel|" + intentId, () -> change(intentId,
                intent -> intent.canceled("abandoned"), "payment_intent.canceled"));
    }

    /**
     * {@code POST /v1/refunds}: refunds succeed at once, as in Stripe's test mode; those of
     * {@code pm_card_refundFail} fail some time later ({@link #failRefund}).
     */
    public SimulatedReply refund(String idempotencyKey, String intentId, long amount, Map<String, String> metadata) {
        return idempotent(idempotencyKey, "refund|" + intentId + "|" + amount + "|" + new TreeMap<>(metadata), () -> {
            SimulatedIntent intent = intents.lock(intentId).orElse(null);
            if (intent == null) {
                return SimulatedReply.error(SimulatedProviderException.invalid("resource_missing",
                        "No such payment_intent"), null);
            }
            SimulatedIntent refunded;
            try {
                refunded = intent.refunded(amount);
            } catch (SimulatedProviderException e) {
                return SimulatedReply.error(e, intent);
            }
            SimulatedReply.Refund refund = new SimulatedReply.Refund("re_sim_" + token(12), intentId, amount,
                    "succeeded", metadata);
            intents.save(refunded);
            intents.insertRefund(refund.id(), intentId, amount, refund.status(), metadata);
            webhooks.emit("charge.refunded", StripeShapes.charge(refunded, List.of(refund)));
            if (TestPaymentMethods.refundsFailLater(intent.paymentMethod())) {
                webhooks.later(properties.simulated().refundFailureDelay(), () -> failRefund(intentId, refund.id()));
            }
            return SimulatedReply.ok(refund);
        });
    }

    /**
     * A refund that succeeded fails at the card's bank, as refunds of Stripe's {@code pm_card_refundFail}
     * do some time after they succeeded: the refund becomes {@code failed} (the card was closed), the
     * charge's refunded total goes down, and Stripe's three events about it are sent.
     */
    void failRefund(String intentId, String refundId) {
        transactions.executeWithoutResult(status -> {
            SimulatedIntent intent = intents.lock(intentId).orElse(null);
            SimulatedReply.Refund refund = intent == null ? null : intents.lockRefund(refundId).orElse(null);
            if (refund == null || !"succeeded".equals(refund.status())) {
                return;
            }
            intents.save(intent.refundFailed(refund.amount()));
            intents.refundStatus(refundId, "failed");
            SimulatedReply.Refund failed = new SimulatedReply.Refund(refund.id(), refund.intentId(), refund.amount(),
                    "failed", refund.metadata());
            for (String type : List.of("refund.updated", "refund.failed", "charge.refund.updated")) {
                webhooks.emit(type, StripeShapes.refund(failed, "expired_or_canceled_card"));
            }
        });
    }

    /** The shopper's answer to the 3-D Secure challenge (the page a {@code redirect_to_url} leads to). */
    public SimulatedReply authenticate(String intentId, boolean passed) {
        return transactions.execute(status -> change(intentId, intent -> intent.authenticated(passed, clock.instant()),
                passed ? "payment_intent.amount_capturable_updated" : "payment_intent.payment_failed"));
    }

    /** Where the shopper completes 3-D Secure for an intent. */
    public String authenticationUrl(String intentId) {
        return properties.simulated().publicUrl() + "/api/v1/payments/simulator/authenticate/" + intentId;
    }

    private interface Change {
        SimulatedIntent apply(SimulatedIntent intent);
    }

    private SimulatedReply change(String intentId, Change change, String webhook) {
        SimulatedIntent intent = intents.lock(intentId).orElse(null);
        if (intent == null) {
            return SimulatedReply.error(SimulatedProviderException.invalid("resource_missing",
                    "No such payment_intent"), null);
        }
        SimulatedIntent next;
        try {
            next = change.apply(intent);
        } catch (SimulatedProviderException e) {
            return SimulatedReply.error(e, intent);
        }
        intents.save(next);
        emit(next.status() == IntentStatus.REQUIRES_PAYMENT_METHOD ? "payment_intent.payment_failed" : webhook, next);
        return SimulatedReply.ok(next);
    }

    /** Runs {@code work} once per key, in one transaction with the key; a replay answers the stored answer. */
    private SimulatedReply idempotent(String key, String request, Supplier<SimulatedReply> work) {
        if (key == null || key.isBlank() || key.length() > 255) {
            return SimulatedReply.error(SimulatedProviderException.invalid("idempotency_key_invalid",
                    "An idempotency key is required and at most 255 characters"), null);
        }
        String hash = IdempotencyKeys.fingerprint(request);
        return transactions.execute(status -> {
            if (!keys.claim(key, hash)) {
                SimulatedIdempotencyRepository.Used used = keys.used(key).orElseThrow();
                if (!used.requestHash().equals(hash)) {
                    return SimulatedReply.error(new SimulatedProviderException(400, "idempotency_error",
                            "idempotency_key_in_use", null, "Keys for idempotent requests can only be used with the "
                            + "same parameters they were first used with."), null);
                }
                return json.readValue(used.response(), SimulatedReply.class);
            }
            SimulatedReply reply = work.get();
            keys.answer(key, reply.status(), json.writeValueAsString(reply));
            return reply;
        });
    }

    private void emit(String type, SimulatedIntent intent) {
        webhooks.emit(type, StripeShapes.intent(intent, authenticationUrl(intent.id())));
    }

    private static void hang() {
        try {
            Thread.sleep(NEVER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new SimulatedProviderException(504, "api_error", "timeout", null, "the request was abandoned");
    }

    private String token(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
