package io.tienda.returns.requests.domain;

import io.tienda.platform.problem.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturnTransitionsTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-03T10:00:00Z");

    private static ReturnRequest in(ReturnStatus status) {
        return new ReturnRequest(UUID.randomUUID(), UUID.randomUUID(), "c-1", status, ReturnResolution.values()[0],
                ReturnReason.DAMAGED, null, null, null, List.of(new ReturnLine(1, "SKU-1", 1, null)), CREATED, CREATED);
    }

    @Test
    void requestedApprovedReceivedRefunded() {
        ReturnRequest refunded = in(ReturnStatus.REQUESTED).approve(LATER).receive(LATER).refund(1_999, "EUR", LATER);

        assertThat(refunded.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(refunded.refundAmount()).isEqualTo(1_999);
        assertThat(refunded.currency()).isEqualTo("EUR");
        assertThat(refunded.updatedAt()).isEqualTo(LATER);
        assertThat(refunded.status().isFinal()).isTrue();
    }

    @Test
    void receivedItemsMayBeExchangedInstead() {
        assertThat(in(ReturnStatus.RECEIVED).exchange(LATER).status()).isEqualTo(ReturnStatus.EXCHANGED);
    }

    @Test
    void theCustomerMayWithdrawUntilTheItemsArrive() {
        assertThat(in(ReturnStatus.REQUESTED).cancel(LATER).status()).isEqualTo(ReturnStatus.CANCELLED);
        assertThat(in(ReturnStatus.APPROVED).cancel(LATER).status()).isEqualTo(ReturnStatus.CANCELLED);
        assertRefused(ReturnStatus.RECEIVED, ReturnRequest::cancel);
    }

    @Test
    void stepsCannotBeSkipped() {
        assertRefused(ReturnStatus.REQUESTED, ReturnRequest::receive);
        assertRefused(ReturnStatus.REQUESTED, (r, t) -> r.refund(1, "EUR", t));
        assertRefused(ReturnStatus.APPROVED, ReturnRequest::exchange);
        assertRefused(ReturnStatus.APPROVED, ReturnRequest::approve);
        assertRefused(ReturnStatus.RECEIVED, ReturnRequest::reject);
    }

    @ParameterizedTest
    @EnumSource(value = ReturnStatus.class, names = {"REJECTED", "REFUNDED", "EXCHANGED", "CANCELLED"})
    void finalStatesAllowNoMove(ReturnStatus end) {
        assertThat(end.isFinal()).isTrue();
        assertRefused(end, ReturnRequest::approve);
        assertRefused(end, ReturnRequest::receive);
        assertRefused(end, ReturnRequest::exchange);
        assertRefused(end, (r, t) -> r.refund(1, "EUR", t));
    }

    private static void assertRefused(ReturnStatus from, BiFunction<ReturnRequest, Instant, ReturnRequest> move) {
        ReturnRequest request = in(from);
        assertThatThrownBy(() -> move.apply(request, LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageStartingWith("return " + request.id() + " is " + from);
    }
}
