package io.tienda.returns.requests.domain;

import io.tienda.platform.problem.IllegalTransitionException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A request to send back items of an order.
 *
 * @param rma                the number the customer writes on the parcel ({@code RMA-2026-000123})
 * @param reason             the first line's reason (each line has its own)
 * @param refundAmount       in minor units of {@code currency}; both null until the refund is known (inspection)
 * @param settlement         while {@code INSPECTED}: the refund or replacement asked for, or its failure
 * @param settlementNote     why the refund or the replacement failed
 * @param replacementOrderId for an exchange, the order that sends the new units (known from inspection)
 */
public record ReturnRequest(UUID id, String rma, UUID orderId, String orderNumber, String customerId,
        ReturnStatus status, ReturnResolution resolution, ReturnReason reason, String comment, Long refundAmount,
        String currency, Settlement settlement, String settlementNote, UUID replacementOrderId,
        List<ReturnLine> lines, Instant createdAt, Instant updatedAt) {

    /**
     * How the customer id of an erased customer's returns begins ({@code erased:<random>}): the right to
     * erasure replaced the real one.
     */
    public static final String ERASED_CUSTOMER = "erased:";

    public ReturnRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    /** The first version's shape, before RMA numbers, inspection and settlement. */
    public ReturnRequest(UUID id, UUID orderId, String customerId, ReturnStatus status, ReturnResolution resolution,
            ReturnReason reason, String comment, Long refundAmount, String currency, List<ReturnLine> lines,
            Instant createdAt, Instant updatedAt) {
        this(id, null, orderId, null, customerId, status, resolution, reason, comment, refundAmount, currency, null,
                null, null, lines, createdAt, updatedAt);
    }

    /** A new request, {@code REQUESTED}. */
    public static ReturnRequest requested(UUID id, String rma, UUID orderId, String orderNumber, String customerId,
            ReturnResolution resolution, List<ReturnLine> lines, Instant now) {
        ReturnReason first = lines.isEmpty() ? ReturnReason.OTHER : lines.get(0).reason();
        String comment = lines.stream().map(ReturnLine::comment).filter(Objects::nonNull).findFirst().orElse(null);
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, ReturnStatus.REQUESTED, resolution, first,
                comment, null, null, null, null, null, lines, now, now);
    }

    public ReturnRequest approve(Instant now) {
        return moveTo(ReturnStatus.APPROVED, now);
    }

    /** Support refuses the request, before anything was sent back (an inspection rejects in {@link #rejectAtInspection}). */
    public ReturnRequest reject(Instant now) {
        if (status != ReturnStatus.REQUESTED) {
            throw new IllegalTransitionException("return " + id, status.name(), ReturnStatus.REJECTED.name());
        }
        return moveTo(ReturnStatus.REJECTED, now);
    }

    /** The customer withdrew the request before the items arrived. */
    public ReturnRequest cancel(Instant now) {
        return moveTo(ReturnStatus.CANCELLED, now);
    }

    /** The warehouse has the items back. */
    public ReturnRequest receive(Instant now) {
        return moveTo(ReturnStatus.RECEIVED, now);
    }

    /**
     * The warehouse's findings, one per line: accepted units (at most those sent back) and whether they
     * can be sold again. A refund is then asked for ({@code REFUND_PENDING}, amount = accepted units at
     * their price), or the replacement order ({@code EXCHANGE_PENDING}). An exchange whose customer was
     * erased ({@link #customerErased()}) is refunded instead: a replacement is shipped to a name and an
     * address, which they asked us to forget, while a refund goes back to the original payment and needs
     * neither. So is an exchange that would send a SKU the catalog withdrew since it was asked for
     * ({@link #withdrawnReplacements}): the replacement would ship goods no longer sold, or fail for want of
     * stock and wait for staff to refund it. Use {@link #nothingToSettle()} to tell whether anything is owed at
     * all.
     *
     * @param orderCurrency the currency of the refund
     * @param replacement   the id the replacement order will have, for an exchange
     * @param withdrawn     whether the catalog no longer sells a SKU
     */
    public ReturnRequest inspect(List<Inspection> findings, String orderCurrency, UUID replacement,
            Predicate<String> withdrawn, Instant now) {
        ReturnStatus.MOVES.require("return " + id, status, ReturnStatus.INSPECTED);
        if (status != ReturnStatus.RECEIVED) {
            // REFUNDED -> INSPECTED is a failed refund coming back (refundReversed), never a second inspection.
            throw new IllegalTransitionException("return " + id, status.name(), ReturnStatus.INSPECTED.name());
        }
        Map<String, Inspection> bySku = new HashMap<>();
        for (Inspection finding : findings) {
            if (bySku.put(finding.sku(), finding) != null) {
                throw new InvalidReturnException("lines[" + finding.sku() + "]", "inspected twice");
            }
        }
        List<ReturnLine> inspected = new ArrayList<>();
        for (ReturnLine line : lines) {
            Inspection finding = bySku.remove(line.sku());
            if (finding == null) {
                throw new InvalidReturnException("lines[" + line.sku() + "]", "every returned line needs a finding");
            }
            inspected.add(line.inspected(finding.acceptedQuantity(), finding.restockable()));
        }
        if (!bySku.isEmpty()) {
            throw new InvalidReturnException("lines[" + bySku.keySet().iterator().next() + "]", "not in this return");
        }
        ReturnRequest next = new ReturnRequest(id, rma, orderId, orderNumber, customerId, ReturnStatus.INSPECTED,
                resolution, reason, comment, null, null, null, null, null, inspected, createdAt, now);
        return resolution == ReturnResolution.REFUND || next.acceptedUnits() == 0 || customerErased()
                || !next.withdrawnReplacements(withdrawn).isEmpty()
                ? next.askRefund(orderCurrency)
                : next.askExchange(replacement);
    }

    /** The inspection of a return whose every SKU the catalog still sells. */
    public ReturnRequest inspect(List<Inspection> findings, String orderCurrency, UUID replacement, Instant now) {
        return inspect(findings, orderCurrency, replacement, sku -> false, now);
    }

    /** The SKUs a replacement of the accepted units would send that the catalog no longer sells ({@code withdrawn}). */
    public List<String> withdrawnReplacements(Predicate<String> withdrawn) {
        return lines.stream().filter(l -> l.accepted() > 0).map(ReturnLine::replacementSku).distinct()
                .filter(withdrawn).toList();
    }

    /** Whether the customer exercised their right to erasure after asking for this return. */
    public boolean customerErased() {
        return customerId.startsWith(ERASED_CUSTOMER);
    }

    /** Units accepted back over all lines. */
    public int acceptedUnits() {
        return lines.stream().mapToInt(ReturnLine::accepted).sum();
    }

    /** What the accepted units are worth, in minor units. */
    public long acceptedValue() {
        return lines.stream().mapToLong(ReturnLine::acceptedValue).reduce(0, Math::addExact);
    }

    /**
     * Nothing of value accepted for a refund: no refund command and no replacement order are sent; the
     * return ends at once, {@code REJECTED} when not a single unit was accepted
     * ({@link #rejectAtInspection}), otherwise {@code REFUNDED} with amount 0.
     */
    public boolean nothingToSettle() {
        return status == ReturnStatus.INSPECTED && settlement == Settlement.REFUND_PENDING
                && (refundAmount == null || refundAmount == 0);
    }

    private ReturnRequest askRefund(String orderCurrency) {
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, status, ReturnResolution.REFUND, reason,
                comment, acceptedValue(), Objects.requireNonNull(orderCurrency, "orderCurrency"),
                Settlement.REFUND_PENDING, null, replacementOrderId, lines, createdAt, updatedAt);
    }

    private ReturnRequest askExchange(UUID replacement) {
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, status, resolution, reason, comment,
                refundAmount, currency, Settlement.EXCHANGE_PENDING, null,
                Objects.requireNonNull(replacement, "replacement"), lines, createdAt, updatedAt);
    }

    /** The inspection accepted not a single unit: the return is refused, and nothing is owed. */
    public ReturnRequest rejectAtInspection(Instant now) {
        ReturnStatus.MOVES.require("return " + id, status, ReturnStatus.REJECTED);
        if (status != ReturnStatus.INSPECTED || acceptedUnits() > 0) {
            throw new IllegalStateException("return " + id + " accepted " + acceptedUnits()
                    + " units; only an inspection that accepts none rejects it");
        }
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, ReturnStatus.REJECTED, resolution, reason,
                comment, null, null, null, null, null, lines, createdAt, now);
    }

    /** payment-service refunded the amount asked for. */
    public ReturnRequest refunded(Instant now) {
        requireSettlement(Settlement.REFUND_PENDING, ReturnStatus.REFUNDED);
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, ReturnStatus.REFUNDED, resolution,
                reason, comment, refundAmount, currency, null, null, replacementOrderId, lines, createdAt, now);
    }

    /** @param amount the money sent back, in minor units of {@code currency} */
    public ReturnRequest refund(long amount, String refundCurrency, Instant now) {
        if (amount < 0) {
            throw new IllegalArgumentException("a refund cannot be negative: " + amount);
        }
        ReturnStatus.MOVES.require("return " + id, status, ReturnStatus.REFUNDED);
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, ReturnStatus.REFUNDED, resolution,
                reason, comment, amount, Objects.requireNonNull(refundCurrency, "refundCurrency"), null, null,
                replacementOrderId, lines, createdAt, now);
    }

    /** payment-service refused or failed the refund: staff see why and may ask again. */
    public ReturnRequest refundFailed(String why, Instant now) {
        requireSettlement(Settlement.REFUND_PENDING, ReturnStatus.INSPECTED);
        return settle(Settlement.REFUND_FAILED, why, now);
    }

    /**
     * The refund payment-service confirmed failed at the provider afterwards (the card was closed, say):
     * the customer never got the money, so the return is back where an immediate failure leaves it,
     * {@code INSPECTED} with {@code REFUND_FAILED}, and staff may ask again ({@link #retryRefund}).
     */
    public ReturnRequest refundReversed(String why, Instant now) {
        return reopen(ReturnStatus.REFUNDED, Settlement.REFUND_FAILED, why, now);
    }

    /**
     * Staff paid the failed refund another way (a bank transfer): the return is refunded, for the amount it
     * was to refund, without payment-service having sent it.
     */
    public ReturnRequest refundedOutside(Instant now) {
        requireSettlement(Settlement.REFUND_FAILED, ReturnStatus.REFUNDED);
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, ReturnStatus.REFUNDED, resolution,
                reason, comment, refundAmount, currency, null, null, replacementOrderId, lines, createdAt, now);
    }

    /** Staff ask payment-service again after a failure. */
    public ReturnRequest retryRefund(Instant now) {
        requireSettlement(Settlement.REFUND_FAILED, ReturnStatus.INSPECTED);
        return settle(Settlement.REFUND_PENDING, null, now);
    }

    /** The replacement order was confirmed. */
    public ReturnRequest exchanged(Instant now) {
        requireSettlement(Settlement.EXCHANGE_PENDING, ReturnStatus.EXCHANGED);
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, ReturnStatus.EXCHANGED, resolution,
                reason, comment, refundAmount, currency, null, null, replacementOrderId, lines, createdAt, now);
    }

    public ReturnRequest exchange(Instant now) {
        return moveTo(ReturnStatus.EXCHANGED, now);
    }

    /** The replacement order was rejected (no stock) or cancelled before it was confirmed. */
    public ReturnRequest exchangeFailed(String why, Instant now) {
        requireSettlement(Settlement.EXCHANGE_PENDING, ReturnStatus.INSPECTED);
        return settle(Settlement.EXCHANGE_FAILED, why, now);
    }

    /**
     * The replacement order was cancelled after it had been confirmed (by its customer or staff before it
     * shipped, or by order-service when its stock could not be committed): the customer has neither their
     * goods nor the replacement, so the return is back where a replacement rejected at once leaves it,
     * {@code INSPECTED} with {@code EXCHANGE_FAILED}, and staff may refund instead ({@link #switchToRefund}).
     */
    public ReturnRequest exchangeReversed(String why, Instant now) {
        return reopen(ReturnStatus.EXCHANGED, Settlement.EXCHANGE_FAILED, why, now);
    }

    /** A settled return ({@code from}) back to {@code INSPECTED} with a failed settlement, for staff. */
    private ReturnRequest reopen(ReturnStatus from, Settlement failed, String why, Instant now) {
        if (status != from) {
            throw new IllegalTransitionException("return " + id, status.name(),
                    ReturnStatus.INSPECTED + "/" + failed + " (that needs " + from + ")");
        }
        ReturnStatus.MOVES.require("return " + id, status, ReturnStatus.INSPECTED);
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, ReturnStatus.INSPECTED, resolution,
                reason, comment, refundAmount, currency, failed, why, replacementOrderId, lines, createdAt, now);
    }

    /** Staff give the money back instead of the replacement that could not be sent. */
    public ReturnRequest switchToRefund(String orderCurrency, Instant now) {
        requireSettlement(Settlement.EXCHANGE_FAILED, ReturnStatus.INSPECTED);
        ReturnRequest refund = askRefund(orderCurrency);
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, status, ReturnResolution.REFUND, reason,
                comment, refund.refundAmount(), refund.currency(), Settlement.REFUND_PENDING, null,
                replacementOrderId, lines, createdAt, now);
    }

    /** The same return without the customer's own words (GDPR erasure); amounts stay for the books. */
    public ReturnRequest anonymised(String replacementCustomerId, Instant now) {
        return new ReturnRequest(id, rma, orderId, orderNumber, replacementCustomerId, status, resolution, reason,
                null, refundAmount, currency, settlement, settlementNote, replacementOrderId,
                lines.stream().map(ReturnLine::withoutComment).toList(), createdAt, now);
    }

    private void requireSettlement(Settlement expected, ReturnStatus to) {
        if (status != ReturnStatus.INSPECTED || settlement != expected) {
            throw new IllegalTransitionException("return " + id, status + (settlement == null ? "" : "/" + settlement),
                    to + " (that needs INSPECTED/" + expected + ")");
        }
    }

    private ReturnRequest settle(Settlement next, String note, Instant now) {
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, status, resolution, reason, comment,
                refundAmount, currency, next, note, replacementOrderId, lines, createdAt, now);
    }

    private ReturnRequest moveTo(ReturnStatus next, Instant now) {
        ReturnStatus.MOVES.require("return " + id, status, next);
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, next, resolution, reason, comment,
                refundAmount, currency, settlement, settlementNote, replacementOrderId, lines, createdAt, now);
    }

    public ReturnRequest withLines(List<ReturnLine> newLines) {
        return new ReturnRequest(id, rma, orderId, orderNumber, customerId, status, resolution, reason, comment,
                refundAmount, currency, settlement, settlementNote, replacementOrderId, newLines, createdAt, updatedAt);
    }
}
