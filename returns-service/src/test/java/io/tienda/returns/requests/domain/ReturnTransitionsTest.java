package io.tienda.returns.requests.domain;

import io.tienda.platform.problem.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturnTransitionsTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-03T10:00:00Z");
    private static final UUID REPLACEMENT = UUID.randomUUID();

    private static ReturnRequest in(ReturnStatus status) {
        return in(status, ReturnResolution.REFUND);
    }

    private static ReturnRequest in(ReturnStatus status, ReturnResolution resolution) {
        return new ReturnRequest(UUID.randomUUID(), "RMA-2026-000001", UUID.randomUUID(), "TND-2026-000001", "c-1",
                status, resolution, ReturnReason.DAMAGED, null, null, null, null, null, null,
                List.of(line(1, "MUG-1", 2, 1250), line(2, "CUP-1", 1, 500)), CREATED, CREATED);
    }

    private static ReturnLine line(int no, String sku, int quantity, long price) {
        return new ReturnLine(no, sku, "p-" + sku, sku, quantity, price, price * quantity, ReturnReason.DAMAGED, null,
                sku, null, null);
    }

    private static ReturnRequest inspected(ReturnResolution resolution) {
        return in(ReturnStatus.RECEIVED, resolution).inspect(List.of(new Inspection("MUG-1", 1, true),
                new Inspection("CUP-1", 1, false)), "EUR", REPLACEMENT, LATER);
    }

    @Test
    void requestedApprovedReceivedInspectedRefunded() {
        ReturnRequest inspected = in(ReturnStatus.REQUESTED).approve(LATER).receive(LATER)
                .inspect(List.of(new Inspection("MUG-1", 2, true), new Inspection("CUP-1", 0, true)), "EUR",
                        REPLACEMENT, LATER);

        assertThat(inspected.status()).isEqualTo(ReturnStatus.INSPECTED);
        assertThat(inspected.settlement()).isEqualTo(Settlement.REFUND_PENDING);
        assertThat(inspected.refundAmount()).isEqualTo(2_500);
        assertThat(inspected.currency()).isEqualTo("EUR");
        assertThat(inspected.lines()).extracting(ReturnLine::restockable).containsExactly(true, false);
        assertThat(inspected.nothingToSettle()).isFalse();

        ReturnRequest refunded = inspected.refunded(LATER);
        assertThat(refunded.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(refunded.refundAmount()).isEqualTo(2_500);
        assertThat(refunded.settlement()).isNull();
        assertThat(refunded.updatedAt()).isEqualTo(LATER);
        assertThat(refunded.status().isFinal()).as("a refund may still fail at the provider").isFalse();
    }

    @Test
    void aRefundThatFailsAfterItSucceededIsAFailedRefundAgainThatMayBeAskedAgain() {
        ReturnRequest refunded = inspected(ReturnResolution.REFUND).refunded(LATER);

        ReturnRequest reopened = refunded.refundReversed("card closed", LATER.plusSeconds(60));

        assertThat(reopened.status()).isEqualTo(ReturnStatus.INSPECTED);
        assertThat(reopened.settlement()).isEqualTo(Settlement.REFUND_FAILED);
        assertThat(reopened.settlementNote()).isEqualTo("card closed");
        assertThat(reopened.refundAmount()).isEqualTo(refunded.refundAmount());
        assertThat(reopened.currency()).isEqualTo("EUR");
        assertThat(reopened.updatedAt()).isEqualTo(LATER.plusSeconds(60));
        ReturnRequest asked = reopened.retryRefund(LATER.plusSeconds(120));
        assertThat(asked.settlement()).isEqualTo(Settlement.REFUND_PENDING);
        assertThat(asked.refunded(LATER.plusSeconds(180)).status()).isEqualTo(ReturnStatus.REFUNDED);
        // only a refunded return goes back, and a refunded one is never inspected a second time
        assertThatThrownBy(() -> reopened.refundReversed("again", LATER)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> in(ReturnStatus.INSPECTED).refundReversed("x", LATER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> refunded.inspect(List.of(new Inspection("MUG-1", 1, true),
                new Inspection("CUP-1", 1, false)), "EUR", REPLACEMENT, LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageStartingWith("return " + refunded.id() + " is REFUNDED");
    }

    @Test
    void anExchangeAsksForItsReplacementAndEndsExchanged() {
        ReturnRequest inspected = inspected(ReturnResolution.EXCHANGE);

        assertThat(inspected.settlement()).isEqualTo(Settlement.EXCHANGE_PENDING);
        assertThat(inspected.replacementOrderId()).isEqualTo(REPLACEMENT);
        assertThat(inspected.refundAmount()).isNull();
        assertThat(inspected.exchanged(LATER).status()).isEqualTo(ReturnStatus.EXCHANGED);
    }

    @Test
    void anErasedCustomersExchangeIsRefundedInstead() {
        ReturnRequest inspected = in(ReturnStatus.RECEIVED, ReturnResolution.EXCHANGE)
                .anonymised(ReturnRequest.ERASED_CUSTOMER + UUID.randomUUID(), LATER)
                .inspect(List.of(new Inspection("MUG-1", 1, true), new Inspection("CUP-1", 0, false)), "EUR",
                        REPLACEMENT, LATER);

        assertThat(inspected.customerErased()).isTrue();
        assertThat(inspected.resolution()).isEqualTo(ReturnResolution.REFUND);
        assertThat(inspected.settlement()).isEqualTo(Settlement.REFUND_PENDING);
        assertThat(inspected.refundAmount()).isEqualTo(1_250);
        assertThat(inspected.replacementOrderId()).isNull();
        assertThat(inspected(ReturnResolution.EXCHANGE).customerErased()).isFalse();
    }

    /**
     * An exchange that would send a SKU the catalog no longer sells is refunded instead, all its accepted units;
     * a withdrawn SKU none of whose units was accepted needs no replacement, and the exchange goes ahead.
     */
    @Test
    void anExchangeForASkuTheCatalogWithdrewIsRefundedInstead() {
        Predicate<String> withdrawn = "CUP-1"::equals;
        ReturnRequest received = in(ReturnStatus.RECEIVED, ReturnResolution.EXCHANGE);

        ReturnRequest refunded = received.inspect(List.of(new Inspection("MUG-1", 1, true),
                new Inspection("CUP-1", 1, false)), "EUR", REPLACEMENT, withdrawn, LATER);
        assertThat(refunded.resolution()).isEqualTo(ReturnResolution.REFUND);
        assertThat(refunded.settlement()).isEqualTo(Settlement.REFUND_PENDING);
        assertThat(refunded.refundAmount()).isEqualTo(1_750);
        assertThat(refunded.replacementOrderId()).isNull();
        assertThat(refunded.withdrawnReplacements(withdrawn)).containsExactly("CUP-1");

        ReturnRequest exchange = received.inspect(List.of(new Inspection("MUG-1", 1, true),
                new Inspection("CUP-1", 0, false)), "EUR", REPLACEMENT, withdrawn, LATER);
        assertThat(exchange.settlement()).isEqualTo(Settlement.EXCHANGE_PENDING);
        assertThat(exchange.replacementOrderId()).isEqualTo(REPLACEMENT);
        assertThat(exchange.withdrawnReplacements(withdrawn)).isEmpty();
    }

    @Test
    void aFailedRefundMayBeAskedAgain() {
        ReturnRequest failed = inspected(ReturnResolution.REFUND).refundFailed("provider said no", LATER);

        assertThat(failed.status()).isEqualTo(ReturnStatus.INSPECTED);
        assertThat(failed.settlement()).isEqualTo(Settlement.REFUND_FAILED);
        assertThat(failed.settlementNote()).isEqualTo("provider said no");
        assertThatThrownBy(() -> failed.refunded(LATER)).isInstanceOf(IllegalTransitionException.class);
        assertThat(failed.retryRefund(LATER).settlement()).isEqualTo(Settlement.REFUND_PENDING);
        assertThatThrownBy(() -> inspected(ReturnResolution.REFUND).retryRefund(LATER))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void onlyAFailedRefundMayBeRecordedAsPaidAnotherWay() {
        ReturnRequest failed = inspected(ReturnResolution.REFUND).refundFailed("card closed", LATER);

        ReturnRequest paid = failed.refundedOutside(LATER.plusSeconds(60));
        assertThat(paid.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(paid.refundAmount()).isEqualTo(failed.refundAmount());
        assertThat(paid.settlement()).isNull();
        assertThat(paid.settlementNote()).isNull();
        assertThatThrownBy(() -> inspected(ReturnResolution.REFUND).refundedOutside(LATER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> paid.refundedOutside(LATER)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> inspected(ReturnResolution.EXCHANGE).exchangeFailed("no stock", LATER)
                .refundedOutside(LATER)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aFailedExchangeMayBeRefundedInstead() {
        ReturnRequest failed = inspected(ReturnResolution.EXCHANGE).exchangeFailed("no stock", LATER);

        assertThat(failed.settlement()).isEqualTo(Settlement.EXCHANGE_FAILED);
        assertThatThrownBy(() -> failed.exchanged(LATER)).isInstanceOf(IllegalTransitionException.class);
        ReturnRequest refund = failed.switchToRefund("EUR", LATER);
        assertThat(refund.resolution()).isEqualTo(ReturnResolution.REFUND);
        assertThat(refund.settlement()).isEqualTo(Settlement.REFUND_PENDING);
        assertThat(refund.refundAmount()).isEqualTo(1_750);
        assertThat(refund.refunded(LATER).status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThatThrownBy(() -> inspected(ReturnResolution.EXCHANGE).switchToRefund("EUR", LATER))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aReplacementCancelledAfterItWasConfirmedIsAFailedExchangeAgainThatMayBeRefundedInstead() {
        ReturnRequest exchanged = inspected(ReturnResolution.EXCHANGE).exchanged(LATER);

        ReturnRequest reopened = exchanged.exchangeReversed("failed after it was confirmed: cancelled", LATER);
        assertThat(reopened.status()).isEqualTo(ReturnStatus.INSPECTED);
        assertThat(reopened.settlement()).isEqualTo(Settlement.EXCHANGE_FAILED);
        assertThat(reopened.settlementNote()).isEqualTo("failed after it was confirmed: cancelled");
        assertThat(reopened.replacementOrderId()).isEqualTo(REPLACEMENT);
        ReturnRequest refund = reopened.switchToRefund("EUR", LATER);
        assertThat(refund.settlement()).isEqualTo(Settlement.REFUND_PENDING);
        assertThat(refund.refundAmount()).isEqualTo(1_750);
        // only an exchanged return goes back; a pending or failed exchange, a refund, are left alone
        assertThatThrownBy(() -> inspected(ReturnResolution.EXCHANGE).exchangeReversed("cancelled", LATER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> reopened.exchangeReversed("cancelled", LATER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> refund.refunded(LATER).exchangeReversed("cancelled", LATER))
                .isInstanceOf(IllegalTransitionException.class);
        // an exchanged return is never inspected again
        assertThatThrownBy(() -> exchanged.inspect(List.of(new Inspection("MUG-1", 1, true),
                new Inspection("CUP-1", 1, false)), "EUR", REPLACEMENT, LATER))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void nothingAcceptedIsNothingToSettleWhateverTheResolution() {
        for (ReturnResolution resolution : ReturnResolution.values()) {
            ReturnRequest inspected = in(ReturnStatus.RECEIVED, resolution).inspect(
                    List.of(new Inspection("MUG-1", 0, true), new Inspection("CUP-1", 0, false)), "EUR", REPLACEMENT,
                    LATER);
            assertThat(inspected.nothingToSettle()).as(resolution.name()).isTrue();
            assertThat(inspected.refundAmount()).isZero();
            assertThat(inspected.lines()).extracting(ReturnLine::restockable).containsOnly(false);
        }
    }

    @Test
    void anInspectionThatAcceptsNoUnitRejectsTheReturnAndOnlyThatOne() {
        ReturnRequest nothing = in(ReturnStatus.RECEIVED).inspect(List.of(new Inspection("MUG-1", 0, true),
                new Inspection("CUP-1", 0, true)), "EUR", REPLACEMENT, LATER);

        ReturnRequest rejected = nothing.rejectAtInspection(LATER);
        assertThat(rejected.status()).isEqualTo(ReturnStatus.REJECTED);
        assertThat(rejected.settlement()).isNull();
        assertThat(rejected.refundAmount()).isNull();
        assertThat(rejected.status().isFinal()).isTrue();
        assertThat(rejected.status().holdsUnits()).isFalse();

        assertThatThrownBy(() -> inspected(ReturnResolution.REFUND).rejectAtInspection(LATER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("accepted 2 units");
        assertThatThrownBy(() -> in(ReturnStatus.RECEIVED).rejectAtInspection(LATER))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void theInspectionCoversEveryLineOnceAndAcceptsNoMoreThanWasSent() {
        ReturnRequest received = in(ReturnStatus.RECEIVED);
        assertThatThrownBy(() -> received.inspect(List.of(new Inspection("MUG-1", 3, true),
                new Inspection("CUP-1", 0, true)), "EUR", REPLACEMENT, LATER))
                .isInstanceOf(InvalidReturnException.class).hasMessageContaining("lines[MUG-1].acceptedQuantity");
        assertThatThrownBy(() -> received.inspect(List.of(new Inspection("MUG-1", 1, true)), "EUR", REPLACEMENT,
                LATER)).isInstanceOf(InvalidReturnException.class).hasMessageContaining("lines[CUP-1]");
        assertThatThrownBy(() -> received.inspect(List.of(new Inspection("MUG-1", 1, true),
                new Inspection("CUP-1", 1, true), new Inspection("PLATE-1", 1, true)), "EUR", REPLACEMENT, LATER))
                .isInstanceOf(InvalidReturnException.class).hasMessageContaining("lines[PLATE-1]");
        assertThatThrownBy(() -> received.inspect(List.of(new Inspection("MUG-1", 1, true),
                new Inspection("MUG-1", 1, true), new Inspection("CUP-1", 1, true)), "EUR", REPLACEMENT, LATER))
                .isInstanceOf(InvalidReturnException.class).hasMessageContaining("inspected twice");
    }

    @Test
    void theCustomerMayWithdrawUntilTheItemsArrive() {
        assertThat(in(ReturnStatus.REQUESTED).cancel(LATER).status()).isEqualTo(ReturnStatus.CANCELLED);
        assertThat(in(ReturnStatus.APPROVED).cancel(LATER).status()).isEqualTo(ReturnStatus.CANCELLED);
        assertRefused(ReturnStatus.RECEIVED, ReturnRequest::cancel);
        assertRefused(ReturnStatus.INSPECTED, ReturnRequest::cancel);
    }

    @Test
    void stepsCannotBeSkipped() {
        assertRefused(ReturnStatus.REQUESTED, ReturnRequest::receive);
        assertRefused(ReturnStatus.REQUESTED, (r, t) -> r.refund(1, "EUR", t));
        assertRefused(ReturnStatus.REQUESTED, (r, t) -> r.inspect(List.of(), "EUR", REPLACEMENT, t));
        assertRefused(ReturnStatus.APPROVED, (r, t) -> r.inspect(List.of(), "EUR", REPLACEMENT, t));
        assertRefused(ReturnStatus.APPROVED, ReturnRequest::exchange);
        assertRefused(ReturnStatus.APPROVED, ReturnRequest::approve);
        assertRefused(ReturnStatus.RECEIVED, ReturnRequest::reject);
        assertRefused(ReturnStatus.RECEIVED, ReturnRequest::exchange);
        assertRefused(ReturnStatus.RECEIVED, (r, t) -> r.refund(1, "EUR", t));
        assertRefused(ReturnStatus.INSPECTED, ReturnRequest::receive);
        // only the inspection itself rejects an inspected return, never support's rejection
        assertRefused(ReturnStatus.INSPECTED, ReturnRequest::reject);
        assertRefused(ReturnStatus.INSPECTED, (r, t) -> r.inspect(List.of(), "EUR", REPLACEMENT, t));
    }

    @Test
    void everyDeclaredMoveIsMadeByTheAggregate() {
        assertThat(in(ReturnStatus.REQUESTED).approve(LATER).status()).isEqualTo(ReturnStatus.APPROVED);
        assertThat(in(ReturnStatus.REQUESTED).reject(LATER).status()).isEqualTo(ReturnStatus.REJECTED);
        assertThat(in(ReturnStatus.APPROVED).receive(LATER).status()).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(inspected(ReturnResolution.REFUND).status()).isEqualTo(ReturnStatus.INSPECTED);
        assertThat(in(ReturnStatus.INSPECTED).refund(0, "EUR", LATER).status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(in(ReturnStatus.INSPECTED).exchange(LATER).status()).isEqualTo(ReturnStatus.EXCHANGED);
        assertThat(in(ReturnStatus.INSPECTED).rejectAtInspection(LATER).status()).isEqualTo(ReturnStatus.REJECTED);
        assertThat(in(ReturnStatus.REFUNDED).refundReversed("card closed", LATER).status())
                .isEqualTo(ReturnStatus.INSPECTED);
        assertThat(in(ReturnStatus.EXCHANGED).exchangeReversed("cancelled", LATER).status())
                .isEqualTo(ReturnStatus.INSPECTED);
        for (ReturnStatus from : ReturnStatus.values()) {
            for (ReturnStatus to : ReturnStatus.values()) {
                if (ReturnStatus.MOVES.allows(from, to)) {
                    assertThat(List.of("REQUESTED>APPROVED", "REQUESTED>REJECTED", "REQUESTED>CANCELLED",
                            "APPROVED>RECEIVED", "APPROVED>CANCELLED", "RECEIVED>INSPECTED", "INSPECTED>REFUNDED",
                            "INSPECTED>EXCHANGED", "INSPECTED>REJECTED", "REFUNDED>INSPECTED",
                            "EXCHANGED>INSPECTED")).as("declared move").contains(from + ">" + to);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ReturnStatus.class, names = {"REJECTED", "REFUNDED", "EXCHANGED", "CANCELLED"})
    void finishedReturnsTakeNoStaffMove(ReturnStatus end) {
        // REFUNDED is not final only because its refund may still fail at the provider (refundReversed), EXCHANGED
        // because its replacement may still be cancelled before it ships (exchangeReversed)
        assertThat(end.isFinal()).isEqualTo(end != ReturnStatus.REFUNDED && end != ReturnStatus.EXCHANGED);
        assertRefused(end, ReturnRequest::approve);
        assertRefused(end, ReturnRequest::reject);
        assertRefused(end, ReturnRequest::cancel);
        assertRefused(end, ReturnRequest::receive);
        assertRefused(end, ReturnRequest::exchange);
        assertRefused(end, (r, t) -> r.refund(1, "EUR", t));
        assertRefused(end, (r, t) -> r.inspect(List.of(), "EUR", REPLACEMENT, t));
    }

    @ParameterizedTest
    @EnumSource(value = ReturnStatus.class, names = {"REQUESTED", "APPROVED", "RECEIVED", "INSPECTED"})
    void openStatesAreNotFinal(ReturnStatus open) {
        assertThat(open.isFinal()).isFalse();
        assertThat(open.holdsUnits()).isTrue();
    }

    private static void assertRefused(ReturnStatus from, BiFunction<ReturnRequest, Instant, ReturnRequest> move) {
        ReturnRequest request = in(from);
        assertThatThrownBy(() -> move.apply(request, LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageStartingWith("return " + request.id() + " is " + from);
    }
}
