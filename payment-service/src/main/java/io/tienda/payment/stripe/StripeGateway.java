package io.tienda.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import io.tienda.payment.PaymentProperties;
import io.tienda.payment.payments.domain.NextAction;
import io.tienda.payment.payments.domain.PaymentGateway;
import io.tienda.payment.payments.domain.PaymentProvider;
import io.tienda.payment.payments.domain.ProviderUnavailableException;
import io.tienda.payment.payments.domain.RefundStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Stripe PaymentIntents with manual capture, through stripe-java. Every request carries the
 * idempotency key its caller stored; a request that times out, is rate-limited, meets a Stripe
 * server error or a 409 (another request with its key still under way) is retried here with the
 * same key (the SDK's own retries are off, so that each retry is visible and bounded), then reported
 * as {@link ProviderUnavailableException}. Declines and refusals are answers, not errors. Nothing here logs the payment method or the client secret.
 */
public class StripeGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

    private final StripeClient client;
    private final int attempts;
    private final Duration backoff;
    private final String returnUrl;

    /**
     * @param apiBase   Stripe's API or a stand-in (stripe-mock, a test server)
     * @param secretKey the account's secret key
     * @param timeout   how long one request may take
     * @param attempts  requests per operation, the first included
     * @param returnUrl where a 3-D Secure redirect returns the shopper; null to let Stripe.js handle it
     */
    public StripeGateway(String apiBase, String secretKey, Duration timeout, int attempts, Duration backoff,
            String returnUrl) {
        this.client = StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase)
                .setConnectTimeout((int) Math.min(timeout.toMillis(), PaymentProperties.MAX_CONNECT_TIMEOUT.toMillis()))
                .setReadTimeout((int) timeout.toMillis())
                .setMaxNetworkRetries(0)
                .build();
        this.attempts = attempts;
        this.backoff = backoff;
        this.returnUrl = returnUrl == null || returnUrl.isBlank() ? null : returnUrl;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.STRIPE;
    }

    @Override
    public Authorization authorize(AuthorizationRequest request, String idempotencyKey) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .setConfirm(true)
                .setPaymentMethod(request.paymentMethod())
                .putMetadata("tienda_payment_id", request.paymentId().toString())
                .putMetadata("tienda_order_id", request.orderId().toString())
                .addExpand("latest_charge");
        if (returnUrl != null) {
            params.setReturnUrl(returnUrl);
        } else {
            params.setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                    .setEnabled(true)
                    .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                    .build());
        }
        PaymentIntentCreateParams create = params.build();
        try {
            PaymentIntent intent = withRetries("authorize", idempotencyKey,
                    options -> client.v1().paymentIntents().create(create, options));
            return authorization(intent);
        } catch (CardException e) {
            return fromCardError(e);
        } catch (StripeException e) {
            return new Declined(intentId(e.getStripeError()), code(e), null, e.getStripeError() == null ? null
                    : e.getStripeError().getMessage());
        }
    }

    @Override
    public Capture capture(String providerPaymentId, long amount, String idempotencyKey) {
        PaymentIntentCaptureParams params = PaymentIntentCaptureParams.builder().setAmountToCapture(amount).build();
        try {
            PaymentIntent intent = withRetries("capture", idempotencyKey,
                    options -> client.v1().paymentIntents().capture(providerPaymentId, params, options));
            if ("succeeded".equals(intent.getStatus())) {
                return new Captured(intent.getAmountReceived() == null ? amount : intent.getAmountReceived());
            }
            return new CaptureRefused("unexpected_status", "payment intent is " + intent.getStatus(),
                    "canceled".equals(intent.getStatus()));
        } catch (StripeException e) {
            PaymentIntent intent = e.getStripeError() == null ? null : e.getStripeError().getPaymentIntent();
            boolean gone = intent != null && "canceled".equals(intent.getStatus());
            return new CaptureRefused(code(e), e.getStripeError() == null ? null : e.getStripeError().getMessage(),
                    gone);
        }
    }

    @Override
    public Cancel cancel(String providerPaymentId, String idempotencyKey) {
        PaymentIntentCancelParams params = PaymentIntentCancelParams.builder()
                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build();
        try {
            PaymentIntent intent = withRetries("cancel", idempotencyKey,
                    options -> client.v1().paymentIntents().cancel(providerPaymentId, params, options));
            return "canceled".equals(intent.getStatus()) ? new Canceled()
                    : new CancelRefused("unexpected_status", "payment intent is " + intent.getStatus());
        } catch (StripeException e) {
            PaymentIntent intent = e.getStripeError() == null ? null : e.getStripeError().getPaymentIntent();
            if (intent != null && "canceled".equals(intent.getStatus())) {
                return new Canceled();
            }
            return new CancelRefused(code(e), e.getStripeError() == null ? null : e.getStripeError().getMessage());
        }
    }

    @Override
    public RefundOutcome refund(String providerPaymentId, UUID refundId, long amount, String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(providerPaymentId)
                .setAmount(amount)
                .putMetadata("tienda_refund_id", refundId.toString())
                .build();
        try {
            Refund refund = withRetries("refund", idempotencyKey, options -> client.v1().refunds().create(params, options));
            return new RefundOutcome(refund.getId(), status(refund.getStatus()), refund.getFailureReason());
        } catch (StripeException e) {
            return new RefundOutcome(null, RefundStatus.FAILED, code(e));
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T apply(RequestOptions options) throws StripeException;
    }

    /** The request with its key, again with the same key while Stripe cannot answer. */
    private <T> T withRetries(String operation, String idempotencyKey, Call<T> call) throws StripeException {
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        StripeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return call.apply(options);
            } catch (ApiConnectionException | RateLimitException e) {
                last = e;
            } catch (StripeException e) {
                if (!unanswered(e)) {
                    throw e;
                }
                last = e;
            }
            log.warn("Stripe {} attempt {}/{} got no usable answer ({}); retrying with the same idempotency key",
                    operation, attempt, attempts, last.getClass().getSimpleName());
            if (attempt < attempts) {
                sleep(backoff.multipliedBy(attempt));
            }
        }
        throw new ProviderUnavailableException("Stripe " + operation + " got no answer after " + attempts
                + " attempts: " + last.getClass().getSimpleName(), last);
    }

    /**
     * Stripe said nothing about the operation itself: a server error, or 409, which Stripe answers
     * while another request with the same idempotency key is still under way. The outcome is not
     * known yet, so it is asked again with the key (and at worst stays pending for the sweeper),
     * never taken for a refusal.
     */
    private static boolean unanswered(StripeException e) {
        Integer status = e.getStatusCode();
        if (status != null && status == 409) {
            return true;
        }
        return e instanceof ApiException && (status == null || status >= 500);
    }

    private static Authorization authorization(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "requires_capture", "succeeded" -> new Authorized(intent.getId(), captureBefore(intent));
            case "requires_action" -> new ActionRequired(intent.getId(), nextAction(intent));
            case "processing" -> new Processing(intent.getId());
            default -> {
                StripeError error = intent.getLastPaymentError();
                yield new Declined(intent.getId(), error == null ? "payment_failed" : error.getCode(),
                        error == null ? null : error.getDeclineCode(),
                        error == null ? "payment intent is " + intent.getStatus() : error.getMessage());
            }
        };
    }

    /** A card error: declined, or (for a card that needs 3-D Secure) an authentication to complete. */
    private static Authorization fromCardError(CardException e) {
        StripeError error = e.getStripeError();
        PaymentIntent intent = error == null ? null : error.getPaymentIntent();
        String decline = e.getDeclineCode();
        if ("authentication_required".equals(e.getCode()) || "authentication_required".equals(decline)) {
            NextAction action = intent != null && intent.getNextAction() != null ? nextAction(intent)
                    : new NextAction("authentication_required", null, intent == null ? null : intent.getClientSecret());
            return new ActionRequired(intent == null ? null : intent.getId(), action);
        }
        return new Declined(intent == null ? null : intent.getId(), e.getCode() == null ? "card_declined" : e.getCode(),
                decline, error == null ? null : error.getMessage());
    }

    private static NextAction nextAction(PaymentIntent intent) {
        PaymentIntent.NextAction next = intent.getNextAction();
        String type = next == null || next.getType() == null ? "use_stripe_sdk" : next.getType();
        String url = next != null && next.getRedirectToUrl() != null ? next.getRedirectToUrl().getUrl() : null;
        return new NextAction(type, url, intent.getClientSecret());
    }

    /** When Stripe drops the authorisation: the card charge says; null when it does not. */
    private static Instant captureBefore(PaymentIntent intent) {
        Charge charge = intent.getLatestChargeObject();
        if (charge == null || charge.getPaymentMethodDetails() == null
                || charge.getPaymentMethodDetails().getCard() == null
                || charge.getPaymentMethodDetails().getCard().getCaptureBefore() == null) {
            return null;
        }
        return Instant.ofEpochSecond(charge.getPaymentMethodDetails().getCard().getCaptureBefore());
    }

    private static RefundStatus status(String stripeStatus) {
        return switch (stripeStatus == null ? "" : stripeStatus) {
            case "succeeded" -> RefundStatus.SUCCEEDED;
            case "failed", "canceled" -> RefundStatus.FAILED;
            default -> RefundStatus.PENDING;
        };
    }

    private static String intentId(StripeError error) {
        return error == null || error.getPaymentIntent() == null ? null : error.getPaymentIntent().getId();
    }

    private static String code(StripeException e) {
        return e.getCode() != null ? e.getCode() : e.getClass().getSimpleName();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted while waiting to retry", e);
        }
    }
}
