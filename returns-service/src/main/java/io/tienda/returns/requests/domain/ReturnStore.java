package io.tienda.returns.requests.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where return requests, their lines and their history are kept. */
public interface ReturnStore {

    /** A new RMA number for {@code year}: {@code RMA-2026-000123}. */
    String nextRma(int year);

    /** @param fingerprint what the request asked for ({@link ReturnDraft#fingerprint()}), kept with its key */
    void insert(ReturnRequest request, String idempotencyKey, String fingerprint, HistoryEntry created);

    /** Writes the request's status, amounts, settlement and inspected lines, and appends {@code entry}. */
    void update(ReturnRequest request, HistoryEntry entry);

    Optional<ReturnRequest> find(UUID id);

    /** The request, its row locked until the transaction ends. */
    Optional<ReturnRequest> lock(UUID id);

    Optional<ReturnRequest> lockByReplacementOrder(UUID replacementOrderId);

    /**
     * A return the customer created with this Idempotency-Key, and the fingerprint of the request that created
     * it (null for returns created before fingerprints were kept).
     */
    record Keyed(ReturnRequest request, String fingerprint) {
    }

    Optional<Keyed> findByIdempotencyKey(String customerId, String idempotencyKey);

    /**
     * Per SKU, the units of the order's returns that still hold them (neither rejected nor cancelled) and
     * what those units were priced at.
     */
    Map<String, HeldUnits> heldByStandingReturns(UUID orderId);

    List<HistoryEntry> history(UUID id);

    /**
     * Which returns to list; each null part matches every return.
     *
     * @param customerId only this customer's returns
     * @param status     only returns in this status
     * @param settlement only returns whose refund or exchange stands here (while {@code INSPECTED})
     * @param paidTwice  true: only returns whose customer was paid twice ({@link #paidTwice}); false: only
     *                   the others
     */
    record Filter(String customerId, ReturnStatus status, Settlement settlement, Boolean paidTwice) {

        public Filter(String customerId, ReturnStatus status, Settlement settlement) {
            this(customerId, status, settlement, null);
        }

        public static Filter everyone() {
            return new Filter(null, null, null, null);
        }
    }

    /** Newest first. */
    List<ReturnRequest> find(Filter filter, long offset, int limit);

    long count(Filter filter);

    /** The ids of a customer's returns, locked. */
    List<UUID> lockOf(String customerId);

    /** Records that the return asked payment-service for a refund under {@code refundKey}. */
    void refundAsked(UUID id, String refundKey, Instant at);

    /** The key of the return's latest refund attempt; empty for returns settled before attempts were kept. */
    Optional<String> latestRefundKey(UUID id);

    /**
     * Marks the return's customer as paid twice (a refund the provider made after staff had paid it another
     * way) and appends {@code entry}, the first time only.
     *
     * @return false when it was marked before, and nothing changed
     */
    boolean paidTwice(UUID id, HistoryEntry entry);

    /** Replaces a user id in the history's actors (GDPR erasure). */
    void anonymiseActor(String userId, String replacement);
}
