package io.tienda.payment.simulator;

import io.tienda.payment.PaymentProperties;
import io.tienda.payment.payments.domain.NextAction;
import io.tienda.payment.payments.domain.PaymentGateway;
import io.tienda.payment.payments.domain.PaymentProvider;
import io.tienda.payment.payments.domain.ProviderUnavailableException;
import io.tienda.payment.payments.domain.RefundStatus;
import io.tienda.payment.simulator.domain.IntentStatus;
import io.tienda.payment.simulator.domain.SimulatedIntent;
import io.tienda.payment.simulator.domain.SimulatedReply;
import io.tienda.platform.core.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The payment gateway of the local fleet: the simulated provider, called as a remote provider would
 * be (on a thread of its own, in transactions of its own, with a deadline per call and retries with
 * the same idempotency key), so that timeouts and replays behave here as they do with Stripe.
 */
@Component
@ConditionalOnProperty(name = "tienda.payments.provider", havingValue = "simulated", matchIfMissing = true)
class SimulatedGateway implements PaymentGateway, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatedGateway.class);

    private final SimulatedProvider provider;
    private final Duration timeout;
    private final int attempts;
    private final ExecutorService calls = Executors.newCachedThreadPool(DaemonThreads.named("simulated-provider"));

    SimulatedGateway(SimulatedProvider provider, PaymentProperties properties) {
        this.provider = provider;
        this.timeout = properties.providerTimeout();
        this.attempts = properties.providerAttempts();
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.SIMULATED;
    }

    @Override
    public Authorization authorize(AuthorizationRequest request, String idempotencyKey) {
        SimulatedReply reply = call("authorize", () -> provider.createAndConfirm(idempotencyKey, request.amount(),
                request.currency(), request.paymentMethod(), Map.of("tienda_payment_id", request.paymentId().toString(),
                        "tienda_order_id", request.orderId().toString())));
        SimulatedIntent intent = reply.intent();
        if (!reply.ok()) {
            return new Declined(intent == null ? null : intent.id(), reply.error().code(), reply.error().declineCode(),
                    reply.error().message());
        }
        if (intent.status() == IntentStatus.REQUIRES_ACTION) {
            return new ActionRequired(intent.id(), new NextAction("redirect_to_url",
                    provider.authenticationUrl(intent.id()), intent.clientSecret()));
        }
        return new Authorized(intent.id(), intent.captureBefore());
    }

    @Override
    public Capture capture(String providerPaymentId, long amount, String idempotencyKey) {
        SimulatedReply reply = call("capture", () -> provider.capture(idempotencyKey, providerPaymentId, amount));
        if (!reply.ok()) {
            boolean gone = reply.intent() != null && reply.intent().status() == IntentStatus.CANCELED;
            return new CaptureRefused(reply.error().code(), reply.error().message(), gone);
        }
        return new Captured(reply.intent().amountReceived());
    }

    @Override
    public Cancel cancel(String providerPaymentId, String idempotencyKey) {
        SimulatedReply reply = call("cancel", () -> provider.cancel(idempotencyKey, providerPaymentId));
        if (!reply.ok()) {
            if (reply.intent() != null && reply.intent().status() == IntentStatus.CANCELED) {
                return new Canceled();
            }
            return new CancelRefused(reply.error().code(), reply.error().message());
        }
        return new Canceled();
    }

    @Override
    public RefundOutcome refund(String providerPaymentId, UUID refundId, long amount, String idempotencyKey) {
        SimulatedReply reply = call("refund", () -> provider.refund(idempotencyKey, providerPaymentId, amount,
                Map.of("tienda_refund_id", refundId.toString())));
        if (!reply.ok()) {
            return new RefundOutcome(null, RefundStatus.FAILED, reply.error().code());
        }
        RefundStatus status = switch (reply.refund().status()) {
            case "succeeded" -> RefundStatus.SUCCEEDED;
            case "failed", "canceled" -> RefundStatus.FAILED;
            default -> RefundStatus.PENDING;
        };
        return new RefundOutcome(reply.refund().id(), status, null);
    }

    /** One call with a deadline, again (same key) while it does not answer in time. */
    private SimulatedReply call(String operation, Supplier<SimulatedReply> call) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Future<SimulatedReply> answer = calls.submit(call::get);
            try {
                return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                log.warn("simulated provider {} attempt {}/{} did not answer within {}", operation, attempt, attempts,
                        timeout);
            } catch (ExecutionException e) {
                log.warn("simulated provider {} attempt {}/{} failed: {}", operation, attempt, attempts,
                        e.getCause().getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("interrupted while calling the simulated provider", e);
            }
        }
        throw new ProviderUnavailableException("the simulated provider did not answer " + operation + " in time after "
                + attempts + " attempts", null);
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }
}
