package io.tienda.payment.payments;

import io.tienda.payment.PaymentProperties;
import io.tienda.payment.payments.domain.NextAction;
import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.PaymentGateway;
import io.tienda.payment.payments.domain.PaymentGateway.ActionRequired;
import io.tienda.payment.payments.domain.PaymentGateway.Authorization;
import io.tienda.payment.payments.domain.PaymentGateway.AuthorizationRequest;
import io.tienda.payment.payments.domain.PaymentGateway.Authorized;
import io.tienda.payment.payments.domain.PaymentGateway.Cancel;
import io.tienda.payment.payments.domain.PaymentGateway.CancelRefused;
import io.tienda.payment.payments.domain.PaymentGateway.Canceled;
import io.tienda.payment.payments.domain.PaymentGateway.Capture;
import io.tienda.payment.payments.domain.PaymentGateway.CaptureRefused;
import io.tienda.payment.payments.domain.PaymentGateway.Captured;
import io.tienda.payment.payments.domain.PaymentGateway.Declined;
import io.tienda.payment.payments.domain.PaymentGateway.Processing;
import io.tienda.payment.payments.domain.PaymentStatus;
import io.tienda.payment.payments.domain.PendingAction;
import io.tienda.payment.payments.domain.ProviderUnavailableException;
import io.tienda.payment.payments.persistence.PaymentRepository;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.saga.AuthorizePayment;
import io.tienda.platform.events.saga.CapturePayment;
import io.tienda.platform.events.saga.PaymentActionRequired;
import io.tienda.platform.events.saga.PaymentAuthorized;
import io.tienda.platform.events.saga.PaymentCaptureFailed;
import io.tienda.platform.events.saga.PaymentCaptured;
import io.tienda.platform.events.saga.PaymentFailed;
import io.tienda.platform.events.saga.PaymentVoided;
import io.tienda.platform.events.saga.VoidPayment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The checkout saga's payment steps: authorise, capture, void. Each runs in three parts: decide in a
 * short transaction (claiming the payment and storing the provider's idempotency key), call the
 * provider outside any transaction, then apply the answer in the {@link Settlement}, which the
 * caller runs in its own transaction with the inbox row and the reply.
 *
 * <p>Each step is idempotent by order id: a replay, whatever its event id, finds the payment as the
 * first command left it and answers the same again. At most one payment per order is live (a
 * partial unique index), and every provider call of it carries the same key, so however often a
 * command is retried or replayed the order is charged at most once.
 */
@Service
public class PaymentSteps {

    private static final Logger log = LoggerFactory.getLogger(PaymentSteps.class);
    private static final int MAX_REASON = 1000;
    /** A run of digits as long as a card number, maybe grouped: never a provider's token. */
    private static final java.util.regex.Pattern RAW_CARD_DATA =
            java.util.regex.Pattern.compile("(?:[0-9][ -]?){12,}[0-9]");

    private final PaymentRepository payments;
    private final ProviderCalls calls;
    private final Replies replies;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PaymentProperties properties;

    PaymentSteps(PaymentRepository payments, ProviderCalls calls, Replies replies, TransactionTemplate transactions,
            Clock clock, PaymentProperties properties) {
        this.payments = payments;
        this.calls = calls;
        this.replies = replies;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    // ---------------------------------------------------------------- authorise

    /** Answers {@link PaymentAuthorized}, {@link PaymentActionRequired} or {@link PaymentFailed} when settled. */
    public Settlement authorize(AuthorizePayment command) {
        UUID orderId = command.orderId();
        String refusal = refusalOf(command);
        if (refusal != null) {
            return () -> replies.reply(orderId, new PaymentFailed(orderId, refusal, null));
        }
        Payment payment = transactions.execute(status -> claim(command));
        if (payment == null) {
            // Another attempt for this order is in flight under another key: its own settlement replies.
            return () -> null;
        }
        if (payment.status() != PaymentStatus.PENDING || !command.idempotencyKey().equals(payment.idempotencyKey())) {
            return () -> replies.reply(orderId, answerToAuthorize(payments.lock(payment.id()).orElseThrow()));
        }
        AuthorizationRequest request = new AuthorizationRequest(payment.id(), orderId, payment.amount(),
                payment.currency(), command.paymentMethod());
        Authorization answer;
        try {
            answer = calls.call(payment.id(), "AUTHORIZE", ProviderCalls.key(payment.id(), "authorize"),
                    payment.amount(), gateway -> gateway.authorize(request,
                            ProviderCalls.key(payment.id(), "authorize")));
        } catch (ProviderUnavailableException e) {
            answer = null;
        }
        Authorization settled = answer;
        return () -> settleAuthorization(payment.id(), settled);
    }

    private Payment claim(AuthorizePayment command) {
        Optional<Payment> same = payments.lockByIdempotencyKey(command.idempotencyKey());
        if (same.isPresent()) {
            return same.get();
        }
        Optional<Payment> live = payments.lockLive(command.orderId());
        if (live.isPresent()) {
            return live.get().status() == PaymentStatus.PENDING ? null : live.get();
        }
        Payment fresh = Payment.start(command.orderId(), command.customerId(), calls.gateway().provider(),
                command.amount().amount(), command.amount().currency(), command.idempotencyKey(), clock.instant());
        if (payments.insert(fresh)) {
            return fresh;
        }
        // A concurrent delivery claimed the key or the order and has committed meanwhile.
        return payments.lockByIdempotencyKey(command.idempotencyKey())
                .or(() -> payments.lockLive(command.orderId()))
                .orElseThrow(() -> new IllegalStateException("order " + command.orderId() + " is being paid"));
    }

    private Object settleAuthorization(UUID paymentId, Authorization answer) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (payment.status() != PaymentStatus.PENDING) {
            return replies.reply(payment.orderId(), answerToAuthorize(payment));
        }
        Instant now = clock.instant();
        Payment next;
        if (answer == null) {
            next = payment.failed(null, "provider-unavailable: the payment provider did not answer in time", null,
                    now);
        } else if (answer instanceof Authorized authorized) {
            Instant holdUntil = authorized.captureBefore() != null ? authorized.captureBefore()
                    : now.plus(properties.defaultHold());
            next = payment.authorized(authorized.providerPaymentId(), holdUntil, now);
        } else if (answer instanceof ActionRequired action) {
            next = payment.actionRequired(action.providerPaymentId(), action.nextAction(), now);
        } else if (answer instanceof Declined declined) {
            next = payment.failed(declined.providerPaymentId(), reason(declined), declined.declineCode(), now);
        } else {
            Processing processing = (Processing) answer;
            payments.save(new Payment(payment.id(), payment.orderId(), payment.customerId(), payment.provider(),
                    payment.status(), payment.amount(), payment.currency(), payment.createdAt(), now,
                    processing.providerPaymentId(), payment.idempotencyKey(), 0, 0, 0, 0, null, null, 0, null, null,
                    null));
            return null;
        }
        payments.save(next);
        announce(payment.status(), next);
        return replies.reply(next.orderId(), answerToAuthorize(next));
    }

    /**
     * Publishes the fact of a move on {@code payment.events}. Shared with webhook reconciliation, so
     * that a move learned from the provider is announced exactly like one the saga caused.
     */
    void announce(PaymentStatus before, Payment after) {
        if (before == after.status()) {
            return;
        }
        UUID orderId = after.orderId();
        String id = after.id().toString();
        switch (after.status()) {
            case AUTHORIZED -> replies.event(orderId, new PaymentAuthorized(orderId, id, money(after, after.amount())));
            case FAILED -> replies.event(orderId, new PaymentFailed(orderId, failureText(after), after.declineCode()));
            case CAPTURED -> replies.event(orderId,
                    new PaymentCaptured(orderId, id, money(after, after.capturedAmount())));
            case VOIDED -> replies.event(orderId, new PaymentVoided(orderId, id, failureText(after)));
            default -> {
                // REQUIRES_ACTION is between the shopper and the provider; refunds announce themselves.
            }
        }
        log.info("payment {} of order {}: {} -> {}", after.id(), orderId, before, after.status());
    }

    /** What the saga is told about an authorisation, from the payment as it stands. */
    static Object answerToAuthorize(Payment payment) {
        UUID orderId = payment.orderId();
        String id = payment.id().toString();
        return switch (payment.status()) {
            case PENDING -> null;
            case REQUIRES_ACTION -> {
                NextAction action = payment.nextAction();
                yield new PaymentActionRequired(orderId, id, action == null ? "use_stripe_sdk" : action.type(),
                        action == null ? null : action.url(), action == null ? null : action.clientSecret());
            }
            // The first answer was "authorised"; whatever happened since, that stays the answer to this command.
            case AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED ->
                    new PaymentAuthorized(orderId, id, money(payment, payment.amount()));
            case FAILED -> new PaymentFailed(orderId, failureText(payment), payment.declineCode());
            case VOIDED -> payment.captureBefore() != null
                    ? new PaymentAuthorized(orderId, id, money(payment, payment.amount()))
                    : new PaymentFailed(orderId, failureText(payment), payment.declineCode());
        };
    }

    // ---------------------------------------------------------------- capture

    /** Answers {@link PaymentCaptured} or {@link PaymentCaptureFailed} when settled. */
    public Settlement capture(CapturePayment command) {
        UUID orderId = command.orderId();
        Payment payment = transactions.execute(status -> {
            Optional<Payment> live = payments.lockLive(orderId);
            if (live.isEmpty() || live.get().status() != PaymentStatus.AUTHORIZED) {
                return live.orElse(null);
            }
            Payment authorized = live.get();
            long amount = command.amount() == null ? authorized.amount() : command.amount().amount();
            if (command.amount() != null && !authorized.currency().equals(command.amount().currency())
                    || amount <= 0 || amount > authorized.amount()) {
                return authorized;
            }
            Payment requested = authorized.captureRequested(amount, clock.instant());
            payments.save(requested);
            return requested;
        });
        if (payment == null) {
            return () -> replies.reply(orderId,
                    new PaymentCaptureFailed(orderId, null, "no authorised payment for this order"));
        }
        if (payment.pendingAction() != PendingAction.CAPTURE) {
            return () -> replies.reply(orderId, answerToCapture(payments.lock(payment.id()).orElseThrow(), command));
        }
        Capture answer = callCapture(payment);
        return () -> settleCapture(payment.id(), answer);
    }

    private Capture callCapture(Payment payment) {
        try {
            return calls.call(payment.id(), "CAPTURE", ProviderCalls.key(payment.id(), "capture"),
                    payment.pendingCaptureAmount(), gateway -> gateway.capture(payment.providerPaymentId(),
                            payment.pendingCaptureAmount(), ProviderCalls.key(payment.id(), "capture")));
        } catch (ProviderUnavailableException e) {
            return null;
        }
    }

    private Object settleCapture(UUID paymentId, Capture answer) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        UUID orderId = payment.orderId();
        if (payment.status() != PaymentStatus.AUTHORIZED || payment.pendingAction() != PendingAction.CAPTURE) {
            return replies.reply(orderId, answerToCapture(payment, null));
        }
        Instant now = clock.instant();
        if (answer == null) {
            // Unknown outcome: the capture stays pending and the sweeper asks again with the same key.
            return null;
        }
        if (answer instanceof Captured captured) {
            Payment next = payment.captured(captured.amountCaptured(), now);
            payments.save(next);
            announce(payment.status(), next);
            return replies.reply(orderId, answerToCapture(next, null));
        }
        CaptureRefused refused = (CaptureRefused) answer;
        String why = truncate("capture refused by the provider: " + refused.code()
                + (refused.message() == null ? "" : " (" + refused.message() + ")"));
        Payment next = refused.authorizationGone()
                ? payment.voided(now)
                : new Payment(payment.id(), orderId, payment.customerId(), payment.provider(), payment.status(),
                        payment.amount(), payment.currency(), payment.createdAt(), now, payment.providerPaymentId(),
                        payment.idempotencyKey(), payment.capturedAmount(), payment.refundedAmount(),
                        payment.refundPendingAmount(), payment.refundedOutsideAmount(), payment.captureBefore(), null,
                        0, payment.declineCode(), why,
                        payment.nextAction());
        payments.save(next);
        announce(payment.status(), next);
        PaymentCaptureFailed failed = new PaymentCaptureFailed(orderId, payment.id().toString(), why);
        replies.event(orderId, failed);
        return replies.reply(orderId, failed);
    }

    private static Object answerToCapture(Payment payment, CapturePayment command) {
        UUID orderId = payment.orderId();
        String id = payment.id().toString();
        if (payment.status().isCaptured()) {
            return new PaymentCaptured(orderId, id, money(payment, payment.capturedAmount()));
        }
        if (payment.status() == PaymentStatus.AUTHORIZED && payment.pendingAction() == PendingAction.CAPTURE) {
            return null;
        }
        if (payment.status() == PaymentStatus.AUTHORIZED && command != null && command.amount() != null) {
            return new PaymentCaptureFailed(orderId, id, "cannot capture " + command.amount().amount() + " "
                    + command.amount().currency() + " of an authorisation of " + payment.amount() + " "
                    + payment.currency());
        }
        return new PaymentCaptureFailed(orderId, id, "payment is " + payment.status()
                + (payment.failureReason() == null ? "" : ": " + payment.failureReason()));
    }

    // ---------------------------------------------------------------- void

    /** Answers {@link PaymentVoided} when settled (also when nothing was held), or {@link PaymentCaptured}. */
    public Settlement voidPayment(VoidPayment command) {
        UUID orderId = command.orderId();
        String why = command.reason() == null || command.reason().isBlank() ? "voided" : truncate(command.reason());
        Payment payment = transactions.execute(status -> {
            Optional<Payment> latest = payments.lockLatest(orderId);
            if (latest.isEmpty()) {
                return null;
            }
            Payment found = latest.get();
            Instant now = clock.instant();
            return switch (found.status()) {
                case PENDING -> {
                    // Voided before the provider answered: if it authorises after all, the webhook releases it.
                    Payment failed = found.failed(null, "voided before the provider answered: " + why, null, now);
                    payments.save(failed);
                    announce(found.status(), failed);
                    yield failed;
                }
                case AUTHORIZED, REQUIRES_ACTION -> {
                    Payment requested = found.voidRequested(why, now);
                    payments.save(requested);
                    yield requested;
                }
                default -> found;
            };
        });
        if (payment == null) {
            return () -> replies.reply(orderId, new PaymentVoided(orderId, null, why));
        }
        if (payment.pendingAction() != PendingAction.VOID) {
            return () -> replies.reply(orderId, answerToVoid(payments.lock(payment.id()).orElseThrow(), why));
        }
        Cancel answer = callCancel(payment);
        return () -> settleVoid(payment.id(), answer, why);
    }

    private Cancel callCancel(Payment payment) {
        try {
            return calls.call(payment.id(), "CANCEL", ProviderCalls.key(payment.id(), "cancel"), null,
                    gateway -> gateway.cancel(payment.providerPaymentId(), ProviderCalls.key(payment.id(), "cancel")));
        } catch (ProviderUnavailableException e) {
            return null;
        }
    }

    private Object settleVoid(UUID paymentId, Cancel answer, String why) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (payment.pendingAction() != PendingAction.VOID
                || (payment.status() != PaymentStatus.AUTHORIZED && payment.status() != PaymentStatus.REQUIRES_ACTION)) {
            return replies.reply(payment.orderId(), answerToVoid(payment, why));
        }
        if (answer == null) {
            return null;
        }
        if (answer instanceof CancelRefused refused) {
            // e.g. captured at the provider meanwhile: its webhook tells us what happened.
            log.warn("the provider refused to void payment {}: {}", payment.id(), refused.code());
            return null;
        }
        Payment next = payment.voided(clock.instant());
        payments.save(next);
        announce(payment.status(), next);
        return replies.reply(next.orderId(), answerToVoid(next, why));
    }

    private static Object answerToVoid(Payment payment, String why) {
        UUID orderId = payment.orderId();
        String id = payment.id().toString();
        if (payment.status().isCaptured()) {
            // Captured money cannot be voided: the saga must refund it.
            return new PaymentCaptured(orderId, id, money(payment, payment.capturedAmount()));
        }
        if (payment.pendingAction() == PendingAction.VOID) {
            return null;
        }
        if (payment.status() == PaymentStatus.FAILED || payment.status() == PaymentStatus.VOIDED) {
            return new PaymentVoided(orderId, id, why);
        }
        return null;
    }

    // ---------------------------------------------------------------- sweeper

    /**
     * One payment the sweeper found: a capture or void the provider has not confirmed is asked again
     * (same key), a void of a payment still waiting for 3-D Secure too; an authorisation nearing its
     * end that nobody asked to capture is voided. Answers the reply it published, if any.
     *
     * @param quietSince a capture or void asked of the provider after this may still have its call
     *                   under way (from its command or another sweeper) and is left alone
     */
    Object sweep(UUID paymentId, Instant horizon, Instant quietSince) {
        Payment payment = transactions.execute(status -> {
            Payment found = payments.lock(paymentId).orElse(null);
            // The saga may void a payment still waiting for 3-D Secure (its deadline passed): that void is
            // asked again like an authorisation's; nothing else of a waiting payment is the sweeper's.
            boolean voidOfAWaitingPayment = found != null && found.status() == PaymentStatus.REQUIRES_ACTION
                    && found.pendingAction() == PendingAction.VOID;
            if (found == null || found.status() != PaymentStatus.AUTHORIZED && !voidOfAWaitingPayment) {
                return null;
            }
            Instant now = clock.instant();
            if (found.pendingAction() == null) {
                if (found.captureBefore() == null || found.captureBefore().isAfter(horizon)) {
                    return null;
                }
                Payment requested = found.voidRequested("authorization-expiring: the order was not confirmed "
                        + "before the authorisation ends", now);
                payments.save(requested);
                return requested;
            }
            // Checked again under the lock: a command may have asked again since the sweeper looked.
            if (found.updatedAt() != null && found.updatedAt().isAfter(quietSince)) {
                return null;
            }
            // Claimed: whoever sweeps next waits for this call's time to pass, as for a command's.
            payments.touch(found.id(), now);
            return found;
        });
        if (payment == null) {
            return null;
        }
        if (payment.pendingAction() == PendingAction.CAPTURE) {
            Capture answer = callCapture(payment);
            return transactions.execute(status -> settleCapture(payment.id(), answer));
        }
        Cancel answer = callCancel(payment);
        return transactions.execute(status -> settleVoid(payment.id(), answer, payment.failureReason()));
    }

    // ---------------------------------------------------------------- helpers

    private static String refusalOf(AuthorizePayment command) {
        if (command.amount() == null || command.amount().amount() <= 0) {
            return "invalid-amount: an authorisation takes at least one minor unit";
        }
        if (command.customerId() == null || command.customerId().isBlank() || command.customerId().length() > 128) {
            return "invalid-customer: the command names no customer";
        }
        if (command.paymentMethod() == null || command.paymentMethod().isBlank()
                || command.paymentMethod().length() > 255) {
            return "invalid-payment-method: the command names no payment method";
        }
        if (RAW_CARD_DATA.matcher(command.paymentMethod()).find()) {
            // Card data never enters this service, not even to pass it on: only the provider's tokens do.
            return "invalid-payment-method: a payment method is the provider's token, never card data";
        }
        if (command.idempotencyKey() == null || command.idempotencyKey().isBlank()
                || command.idempotencyKey().length() > 255) {
            return "invalid-idempotency-key: the command carries no usable idempotency key";
        }
        return null;
    }

    private static String reason(Declined declined) {
        String code = declined.code() == null ? "declined" : declined.code();
        return truncate(declined.message() == null ? code : code + ": " + declined.message());
    }

    private static String failureText(Payment payment) {
        return payment.failureReason() == null || payment.failureReason().isBlank()
                ? payment.status().name().toLowerCase(java.util.Locale.ROOT) : payment.failureReason();
    }

    static Money money(Payment payment, long amount) {
        return Money.of(amount, payment.currency());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
