package io.tienda.payment.payments;

import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.PaymentGateway.RefundOutcome;
import io.tienda.payment.payments.domain.ProviderUnavailableException;
import io.tienda.payment.payments.domain.Refund;
import io.tienda.payment.payments.domain.RefundSource;
import io.tienda.payment.payments.domain.RefundStatus;
import io.tienda.payment.payments.persistence.PaymentRepository;
import io.tienda.payment.payments.persistence.RefundRepository;
import io.tienda.platform.core.IdempotencyKeys;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.saga.RefundPayment;
import io.tienda.platform.problem.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Refunds of captured payments and their ledger. A refund is set aside on its payment (locked row)
 * before the provider is called, so pending and settled refunds together never exceed what was
 * captured, however many requests race; the table's check constraint says the same. Each refund has
 * the caller's key: the same key refunds once and answers the first answer again; the same key with
 * another amount is refused. Refunds made at the provider directly join the ledger from its webhooks.
 */
@Service
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    /** How a command's refundKey is scoped in the ledger, apart from staff keys and provider ids. */
    private static final String SAGA_KEY = "saga:";

    /**
     * The checkout saga gives a cancelled order's money back with the refundKey of its authorisation's
     * key and this suffix (order-service's {@code CheckoutSaga}); the payment keeps that key, so the
     * command is told apart from every other refund of the order without trusting free text.
     */
    private static final String REVERSAL_SUFFIX = "-refund";

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final ProviderCalls calls;
    private final Replies replies;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Refunds(PaymentRepository payments, RefundRepository refunds, ProviderCalls calls, Replies replies,
            TransactionTemplate transactions, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.calls = calls;
        this.replies = replies;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What staff ask: an amount of the payment's currency back, with a reason. */
    public record StaffRefund(long amount, String reason) {
    }

    /** A refund and whether it is the first answer of its key or a replay. */
    public record Outcome(Refund refund, boolean replayed) {
    }

    /**
     * A manager's or administrator's refund, at most once per Idempotency-Key. Refuses more than may
     * still be refunded (409), a payment that was not captured (409), and a key reused for another
     * request (422).
     */
    public Outcome refundByStaff(UUID paymentId, String idempotencyKey, StaffRefund request, String staffId) {
        String key = "staff:" + idempotencyKey;
        String hash = IdempotencyKeys.fingerprint(request.amount() + "|" + (request.reason() == null ? "" : request.reason()));
        Prepared prepared = transactions.execute(status -> {
            Payment payment = payments.lock(paymentId).orElseThrow(() -> DomainException.notFound("payment", paymentId));
            return prepare(payment, key, hash, RefundSource.STAFF, request.amount(), payment.currency(),
                    request.reason(), staffId);
        });
        RefundOutcome answer = prepared.needsCall() ? callRefund(prepared.refund()) : null;
        Refund refund = prepared.needsCall()
                ? transactions.execute(status -> settle(prepared.refund().id(), answer))
                : refunds.find(prepared.refund().id()).orElseThrow();
        return new Outcome(refund, !prepared.fresh());
    }

    /**
     * The saga's refund. Answers {@link PaymentRefunded} or {@link PaymentRefundFailed} when settled,
     * or nothing yet when the provider has not settled it (its webhook answers later).
     */
    public Settlement refundBySaga(RefundPayment command) {
        UUID orderId = command.orderId();
        Money amount = command.amount();
        if (amount == null || command.refundKey() == null || command.refundKey().isBlank()) {
            return () -> replies.reply(orderId, new PaymentRefundFailed(orderId, null, null,
                    amount == null ? Money.of(0, "EUR") : amount, "invalid-command: amount and refundKey are required",
                    command.refundKey()));
        }
        String key = SAGA_KEY + command.refundKey();
        String hash = IdempotencyKeys.fingerprint(amount.amount() + "|" + amount.currency());
        Prepared prepared;
        try {
            prepared = transactions.execute(status -> {
                Payment payment = payments.lockLive(orderId).orElseThrow(() -> DomainException.conflict(
                        "order " + orderId + " has no captured payment"));
                long asked = amount.amount();
                if (reverses(payment, command) && refunds.byKey(payment.id(), key).isEmpty()) {
                    // The saga asks for the order's whole amount because it cannot know what staff or a
                    // return refunded since; only this ledger, under this lock, knows what is left.
                    // Refusing the excess would leave the rest charged to a cancelled order, so a
                    // reversal gives back all that is still refundable instead. Other refunds (a
                    // return's) stay exact: more than is left is a refusal their sender must see.
                    asked = payment.reversal(asked);
                }
                return prepare(payment, key, hash, RefundSource.SAGA, asked, amount.currency(),
                        command.reason(), "order-service");
            });
        } catch (DomainException refused) {
            String why = refused.getMessage();
            return () -> {
                PaymentRefundFailed failed = new PaymentRefundFailed(orderId, null, null, amount, why,
                        command.refundKey());
                replies.event(orderId, failed);
                return replies.reply(orderId, failed);
            };
        }
        if (!prepared.needsCall()) {
            return () -> replies.reply(orderId, answer(refunds.lock(prepared.refund().id()).orElseThrow(), orderId));
        }
        RefundOutcome answer = callRefund(prepared.refund());
        return () -> {
            Refund refund = settle(prepared.refund().id(), answer);
            return replies.reply(orderId, answer(refund, orderId));
        };
    }

    /** Whether the command is the checkout saga giving back everything the order paid (see {@link #REVERSAL_SUFFIX}). */
    private static boolean reverses(Payment payment, RefundPayment command) {
        return payment.idempotencyKey() != null
                && command.refundKey().equals(payment.idempotencyKey() + REVERSAL_SUFFIX);
    }

    /**
     * Pending refunds whose provider call got no answer are asked again, with the same key.
     *
     * @param quietSince a refund asked of the provider after this may still have its call under way
     *                   and is left alone
     */
    void retry(UUID refundId, Instant quietSince) {
        Refund refund = transactions.execute(status -> {
            Refund found = refunds.find(refundId).orElse(null);
            if (found == null) {
                return null;
            }
            payments.lock(found.paymentId());
            Refund locked = refunds.lock(refundId).orElseThrow();
            if (locked.status() != RefundStatus.PENDING || locked.providerRefundId() != null
                    || locked.updatedAt().isAfter(quietSince)) {
                return null;
            }
            // Claimed: another sweeper leaves it alone until this call has had its time.
            refunds.touch(refundId, clock.instant());
            return locked;
        });
        if (refund == null) {
            return;
        }
        RefundOutcome answer = callRefund(refund);
        if (answer != null) {
            transactions.executeWithoutResult(status -> {
                Refund settled = settle(refundId, answer);
                if (settled.source() == RefundSource.SAGA && settled.status() != RefundStatus.PENDING) {
                    Payment payment = payments.find(settled.paymentId()).orElseThrow();
                    replies.reply(payment.orderId(), answer(settled, payment.orderId()));
                }
            });
        }
    }

    /**
     * What the provider says of one of its refunds (a {@code refund.*} or {@code charge.refund.updated}
     * webhook, or an entry of an older API version's {@code charge.refunded} list), applied to the ledger
     * under the payment's lock. The ledger follows each refund's latest status, which only moves forward
     * ({@code pending} → {@code succeeded} → {@code failed}/{@code canceled}, or {@code pending} →
     * {@code failed}), so any order of deliveries ends in the same ledger:
     * <ul>
     * <li>ours (known by {@code re_...} id or by {@code metadata.tienda_refund_id}) settle; a pending one
     * keeps the provider's id as soon as an event names it, so that its resolution is matched by that id;</li>
     * <li>one that succeeded and then failed or was cancelled no longer counts as refunded, the payment
     * goes back, and {@code payment.refund_failed} tells whoever asked for it;</li>
     * <li>one we never asked for joins the ledger under its own id ({@code provider:re_...}), once, when it
     * succeeds; if it fails first, it is recorded as failed so that nothing said of it later counts it;</li>
     * <li>if a charge's refunded total already brought its money into the ledger without a name
     * ({@link #providerRefundedTotal}), that money is this refund's: only what it adds beyond that counts,
     * and if it failed, what of it a statement made while the refund was live counted goes back. That money
     * was announced as refunded under the unnamed row's id and no other announcement is made for it, so
     * the refund keeps which ids and amounts its money was announced under
     * ({@link RefundRepository#addPart}): should it fail later, {@link #reverse}
     * announces the failure under those ids, and consumers matching by {@code refundId} take back exactly
     * what they counted.</li>
     * </ul>
     * A pending refund we never asked for waits for its outcome (the charge's total accounts for it
     * meanwhile). Runs in the caller's transaction.
     *
     * @param ourRefundId   our id, when the provider kept it in the refund's metadata
     * @param failureReason the provider's {@code failure_reason}, if it gave one
     * @param createdAt     when the provider made the refund (its {@code created}); null if not told
     * @param reportedAt    when the provider made the event that reports this status (the event's
     *                      {@code created}); null if not told
     */
    public void providerRefund(String providerPaymentId, String providerRefundId, UUID ourRefundId, long amount,
            RefundStatus status, String failureReason, Instant createdAt, Instant reportedAt) {
        // Every delivery about this payment's refunds queues here, so two of the same refund never race.
        Optional<Payment> found = providerPaymentId == null ? Optional.empty()
                : payments.lockByProviderId(calls.gateway().provider(), providerPaymentId);
        Optional<Refund> known = providerRefundId == null ? Optional.empty() : refunds.findByProviderId(providerRefundId);
        if (known.isEmpty() && ourRefundId != null) {
            known = refunds.find(ourRefundId);
        }
        String why = failureReason != null ? failureReason : "failed at the provider";
        if (known.isPresent()) {
            Refund refund = known.get();
            if (refund.status() == RefundStatus.PENDING && status == RefundStatus.PENDING) {
                if (refund.providerRefundId() == null && providerRefundId != null) {
                    // The provider has it (our call's answer may have been lost): from now on its id names it.
                    refunds.save(refund.acceptedAs(providerRefundId, clock.instant()));
                }
            } else if (refund.status() == RefundStatus.PENDING) {
                Refund settled = settle(refund.id(), new RefundOutcome(providerRefundId, status, why));
                if (settled.source() == RefundSource.SAGA) {
                    Payment payment = payments.find(settled.paymentId()).orElseThrow();
                    replies.reply(payment.orderId(), answer(settled, payment.orderId()));
                }
            } else if (refund.status() == RefundStatus.SUCCEEDED && status == RefundStatus.FAILED) {
                reverse(refund.id(), providerRefundId, why);
            }
            return;
        }
        if (status == RefundStatus.PENDING || providerRefundId == null || amount <= 0) {
            return;
        }
        if (found.isEmpty() || !found.get().status().isCaptured()) {
            log.warn("refund {} at the provider matches no captured payment", providerRefundId);
            return;
        }
        if (status == RefundStatus.FAILED) {
            failedElsewhere(found.get(), providerRefundId, amount, why, createdAt, reportedAt);
            return;
        }
        Payment payment = found.get();
        Instant now = clock.instant();
        long adds = amount;
        Refund named = null;
        // Unnamed money this refund takes that stays announced under another row's id than the refund's.
        Map<UUID, Long> announcedElsewhere = new LinkedHashMap<>();
        for (Refund unnamed : refunds.unattributed(payment.id())) {
            if (adds == 0) {
                break;
            }
            long taken = Math.min(unnamed.amount(), adds);
            adds -= taken;
            if (taken < unnamed.amount()) {
                refunds.reduce(unnamed.id(), unnamed.amount() - taken, now);
                announcedElsewhere.put(unnamed.id(), taken);
            } else if (named == null) {
                named = unnamed;
            } else {
                refunds.delete(unnamed.id());
                announcedElsewhere.put(unnamed.id(), taken);
            }
        }
        String key = "provider:" + providerRefundId;
        Refund refund;
        if (named != null) {
            refunds.attribute(named.id(), key, providerRefundId, amount, now);
            refund = named;
        } else {
            refund = Refund.requested(payment.id(), key, RefundSource.PROVIDER, amount, payment.currency(),
                    "refunded at the provider", null, now).succeeded(providerRefundId, now);
            refunds.insert(refund, null);
        }
        UUID refundId = refund.id();
        announcedElsewhere.forEach((announcedAs, taken) -> refunds.addPart(refundId, announcedAs, taken));
        if (adds > 0) {
            absorbed(payment, refund.id(), adds, now);
        } else {
            log.info("payment {}: refund {} at the provider was already counted from the charge's refunded total",
                    payment.id(), providerRefundId);
        }
    }

    /**
     * A refund that had succeeded failed at the provider afterwards: it no longer counts as refunded, the
     * payment goes back, and {@code payment.refund_failed} (on {@code payment.events}, and as a reply to the
     * saga when a command asked for it) tells whoever asked for it, with the key of that command. On
     * {@code payment.events} the failure names the ids its money was announced as refunded under: the
     * refund's own, and for a refund at the provider whose money a charge's refunded total brought in
     * unnamed first, the unnamed rows' ids, one event per id, each for no more than that id announced.
     */
    private void reverse(UUID refundId, String providerRefundId, String why) {
        Refund found = refunds.find(refundId).orElseThrow();
        Payment payment = payments.lock(found.paymentId()).orElseThrow();
        Refund refund = refunds.lock(refundId).orElseThrow();
        if (refund.status() != RefundStatus.SUCCEEDED) {
            return;
        }
        Instant now = clock.instant();
        Refund failed = refund.failed(providerRefundId, why, now);
        refunds.save(failed);
        payments.save(payment.refundReversed(refund.amount(), now));
        UUID orderId = payment.orderId();
        // Consumers take back a failure only from what they were told was refunded under the same id:
        // money first announced as unnamed fails under the unnamed row's id, the rest under the refund's.
        long own = refund.amount();
        for (RefundRepository.Part part : refunds.parts(refund.id())) {
            long back = Math.min(part.amount(), own);
            if (back > 0) {
                own -= back;
                replies.event(orderId, new PaymentRefundFailed(orderId, payment.id().toString(),
                        part.announcedAs().toString(), Money.of(back, refund.currency()), failed.failureReason(),
                        commandKey(refund)));
            }
        }
        if (own > 0) {
            replies.event(orderId, new PaymentRefundFailed(orderId, payment.id().toString(), refund.id().toString(),
                    Money.of(own, refund.currency()), failed.failureReason(), commandKey(refund)));
        }
        if (refund.source() == RefundSource.SAGA) {
            replies.reply(orderId, new PaymentRefundFailed(orderId, payment.id().toString(), refund.id().toString(),
                    Money.of(refund.amount(), refund.currency()), failed.failureReason(), commandKey(refund)));
        }
        log.warn("refund {} of payment {} ({} {}) failed at the provider after it had succeeded: {}", refund.id(),
                payment.id(), refund.amount(), refund.currency(), failed.failureReason());
    }

    /**
     * A refund we never asked for failed (or was cancelled) at the provider before the ledger knew it by
     * name. It is recorded as failed under its own id, so that a late {@code refund.created} of it counts
     * nothing. Money a charge's refunded total brought into the ledger without a name may be its money, if
     * that statement was made while the refund was live: that goes back, announced as failed under the id it
     * was announced as refunded with. A statement made before the refund existed, or after it failed, counted
     * other refunds' money, which stays (their own events name it later); so does all of it when no statement
     * counted the refund yet. Where the provider's times are not told, any unnamed money may be its money.
     */
    private void failedElsewhere(Payment payment, String providerRefundId, long amount, String why,
            Instant createdAt, Instant reportedAt) {
        Instant now = clock.instant();
        UUID orderId = payment.orderId();
        long left = amount;
        long back = 0;
        Refund named = null;
        for (Refund unnamed : refunds.unattributed(payment.id(), createdAt, reportedAt)) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(unnamed.amount(), left);
            left -= taken;
            back += taken;
            if (taken < unnamed.amount()) {
                refunds.reduce(unnamed.id(), unnamed.amount() - taken, now);
            } else if (named == null) {
                named = unnamed;
            } else {
                refunds.delete(unnamed.id());
            }
            replies.event(orderId, new PaymentRefundFailed(orderId, payment.id().toString(), unnamed.id().toString(),
                    Money.of(taken, payment.currency()), why));
        }
        String key = "provider:" + providerRefundId;
        if (named != null) {
            refunds.attribute(named.id(), key, providerRefundId, amount, now);
            refunds.save(named.failed(providerRefundId, why, now));
        } else {
            refunds.insert(Refund.requested(payment.id(), key, RefundSource.PROVIDER, amount, payment.currency(),
                    "refunded at the provider", null, now).failed(providerRefundId, why, now), null);
        }
        if (back > 0) {
            payments.save(payment.refundReversed(back, now));
            log.warn("payment {}: refund {} made at the provider failed there; {} {} counted from the charge's "
                    + "refunded total is no longer refunded", payment.id(), providerRefundId, back, payment.currency());
        } else {
            log.info("payment {}: refund {} made at the provider failed there before any statement counted it",
                    payment.id(), providerRefundId);
        }
    }

    /**
     * A charge's refunded total from the provider ({@code charge.refunded}, which since Stripe's API
     * 2022-11-15 names none of its refunds): a statement the ledger is reconciled to. The total counts
     * every refund the provider held at that moment, pending or settled, including ones that failed
     * since (Stripe lowers the total when a refund fails), and statements arrive in any order. So the
     * ledger explains it with everything the provider ever counted: refunds settled, refunds pending,
     * and refunds that failed at the provider. Only what none of those can explain was refunded
     * elsewhere and joins the ledger, unnamed until the {@code refund.*} event of that refund names it.
     * A total the ledger already reaches (the same statement again, an older one, or a newer, lower one
     * after a refund failed) changes nothing: the statement does not say which refund failed, and
     * that refund's own event takes it off the ledger. Runs in the caller's transaction.
     *
     * @param statedAt when the provider made the statement (the event's {@code created}); null if not told
     */
    public void providerRefundedTotal(String providerPaymentId, String chargeId, long amountRefunded,
            Instant statedAt) {
        Optional<Payment> found = payments.lockByProviderId(calls.gateway().provider(), providerPaymentId);
        if (found.isEmpty() || !found.get().status().isCaptured()) {
            return;
        }
        Payment payment = found.get();
        long failed = refunds.failedAtProvider(payment.id());
        long unaccounted = amountRefunded - payment.refundedAmount() - payment.refundPendingAmount() - failed;
        if (unaccounted <= 0) {
            if (amountRefunded < payment.refundedAmount()) {
                log.info("payment {}: the provider states {} refunded, the ledger {}: an older statement, or a refund"
                        + " failed since, which its own event takes off the ledger", payment.id(), amountRefunded,
                        payment.refundedAmount());
            }
            return;
        }
        String key = "provider:" + (chargeId == null ? providerPaymentId : chargeId) + ":" + amountRefunded;
        if (refunds.byKey(payment.id(), key).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        long absorbed = payment.refundedElsewhere(unaccounted, now).refundedAmount() - payment.refundedAmount();
        if (absorbed <= 0) {
            return;
        }
        Refund refund = Refund.requested(payment.id(), key, RefundSource.PROVIDER, absorbed, payment.currency(),
                "refunded at the provider", null, now).succeeded(null, now);
        refunds.insert(refund, null, statedAt);
        absorbed(payment, refund.id(), absorbed, now);
    }

    /** {@code amount} refunded at the provider joins the payment's ledger as settled, and is announced. */
    private void absorbed(Payment payment, UUID refundId, long amount, Instant now) {
        Payment next = payment.refundedElsewhere(amount, now);
        long absorbed = next.refundedAmount() - payment.refundedAmount();
        if (absorbed <= 0) {
            return;
        }
        payments.save(next);
        replies.event(payment.orderId(), new PaymentRefunded(payment.orderId(), payment.id().toString(),
                refundId.toString(), Money.of(absorbed, payment.currency())));
        log.info("payment {}: {} {} refunded outside the platform joined the ledger", payment.id(), absorbed,
                payment.currency());
    }

    private record Prepared(Refund refund, boolean fresh, boolean needsCall) {
    }

    private Prepared prepare(Payment payment, String key, String hash, RefundSource source, long amount,
            String currency, String reason, String requestedBy) {
        Optional<RefundRepository.Keyed> existing = refunds.byKey(payment.id(), key);
        if (existing.isPresent()) {
            if (existing.get().requestHash() != null && !existing.get().requestHash().equals(hash)) {
                throw IdempotencyKeys.reused();
            }
            Refund refund = existing.get().refund();
            return new Prepared(refund, false,
                    refund.status() == RefundStatus.PENDING && refund.providerRefundId() == null);
        }
        if (!payment.currency().equals(currency)) {
            throw DomainException.unprocessable("payment " + payment.id() + " is in " + payment.currency()
                    + ", not " + currency);
        }
        Instant now = clock.instant();
        Payment held = payment.refundRequested(amount, now);
        Refund refund = Refund.requested(payment.id(), key, source, amount, currency, reason, requestedBy, now);
        payments.save(held);
        refunds.insert(refund, hash);
        return new Prepared(refund, true, true);
    }

    private RefundOutcome callRefund(Refund refund) {
        Payment payment = payments.find(refund.paymentId()).orElseThrow();
        String key = ProviderCalls.key(refund.id(), "refund");
        try {
            return calls.call(payment.id(), "REFUND", key, refund.amount(),
                    gateway -> gateway.refund(payment.providerPaymentId(), refund.id(), refund.amount(), key));
        } catch (ProviderUnavailableException e) {
            return null;
        }
    }

    /** Applies the provider's answer to a pending refund and its payment's ledger; answers the refund. */
    private Refund settle(UUID refundId, RefundOutcome answer) {
        Refund pending = refunds.find(refundId).orElseThrow();
        Payment payment = payments.lock(pending.paymentId()).orElseThrow();
        Refund refund = refunds.lock(refundId).orElseThrow();
        if (refund.status() != RefundStatus.PENDING || answer == null) {
            return refund;
        }
        Instant now = clock.instant();
        UUID orderId = payment.orderId();
        switch (answer.status()) {
            case PENDING -> {
                Refund accepted = refund.acceptedAs(answer.providerRefundId(), now);
                refunds.save(accepted);
                return accepted;
            }
            case SUCCEEDED -> {
                Refund succeeded = refund.succeeded(answer.providerRefundId(), now);
                refunds.save(succeeded);
                payments.save(payment.refundSettled(refund.amount(), now));
                replies.event(orderId, new PaymentRefunded(orderId, payment.id().toString(), refund.id().toString(),
                        Money.of(refund.amount(), refund.currency()), commandKey(refund)));
                log.info("refund {} of payment {} succeeded", refund.id(), payment.id());
                return succeeded;
            }
            default -> {
                Refund failed = refund.failed(answer.providerRefundId(),
                        answer.failureReason() == null ? "refused by the provider" : answer.failureReason(), now);
                refunds.save(failed);
                payments.save(payment.refundReleased(refund.amount(), now));
                replies.event(orderId, new PaymentRefundFailed(orderId, payment.id().toString(),
                        refund.id().toString(), Money.of(refund.amount(), refund.currency()), failed.failureReason(),
                        commandKey(refund)));
                log.info("refund {} of payment {} failed", refund.id(), payment.id());
                return failed;
            }
        }
    }

    private static Object answer(Refund refund, UUID orderId) {
        Money amount = Money.of(refund.amount(), refund.currency());
        return switch (refund.status()) {
            case PENDING -> null;
            case SUCCEEDED -> new PaymentRefunded(orderId, refund.paymentId().toString(), refund.id().toString(),
                    amount, commandKey(refund));
            case FAILED -> new PaymentRefundFailed(orderId, refund.paymentId().toString(), refund.id().toString(),
                    amount, refund.failureReason() == null ? "failed" : refund.failureReason(), commandKey(refund));
        };
    }

    /**
     * The {@code refundKey} of the {@code payment.refund} command that asked for this refund, echoed in
     * its answers so that the sender tells its refund from others of the same order; null for staff
     * refunds and refunds made at the provider.
     */
    private static String commandKey(Refund refund) {
        return refund.source() == RefundSource.SAGA && refund.refundKey().startsWith(SAGA_KEY)
                ? refund.refundKey().substring(SAGA_KEY.length()) : null;
    }
}
