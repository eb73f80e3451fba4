package io.tienda.inventory.reservation.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservationTest {

    static final Instant EXPIRY = Instant.parse("2026-03-01T10:15:00Z");
    static final UUID MADRID = UUID.randomUUID();
    static final UUID BARCELONA = UUID.randomUUID();
    static final List<ReservationLine> LINES = List.of(new ReservationLine("A", MADRID, 2),
            new ReservationLine("A", BARCELONA, 1), new ReservationLine("B", MADRID, 4));

    static Reservation held() {
        return Reservation.held(UUID.randomUUID(), UUID.randomUUID(), EXPIRY, LINES);
    }

    @Test
    void aHeldReservationCommitsOrReleasesOnceAndExpiresOnlyAfterItsExpiry() {
        Reservation held = held();
        assertThat(held.onCommit()).isEqualTo(Reservation.CommitAction.COMMIT);
        assertThat(held.onRelease()).isEqualTo(Reservation.ReleaseAction.RELEASE);
        assertThat(held.expiredAt(EXPIRY.minusMillis(1))).isFalse();
        assertThat(held.expiredAt(EXPIRY)).isTrue();

        assertThat(held.committed().status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(held.released("payment-failed")).extracting(Reservation::status, Reservation::reason)
                .containsExactly(ReservationStatus.RELEASED, "payment-failed");
        assertThat(held.expired(EXPIRY)).extracting(Reservation::status, Reservation::reason)
                .containsExactly(ReservationStatus.EXPIRED, Reasons.EXPIRED);
        assertThatThrownBy(() -> held.expired(EXPIRY.minusSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCommittedReservationCommitsAgainAsANoOpAndIsRestockedByARelease() {
        Reservation committed = held().committed();

        assertThat(committed.onCommit()).isEqualTo(Reservation.CommitAction.NOTHING);
        assertThat(committed.onRelease()).isEqualTo(Reservation.ReleaseAction.RESTOCK);
        assertThat(committed.expiredAt(EXPIRY.plusSeconds(3600))).as("sold stock never expires").isFalse();
        Reservation restocked = committed.restocked("cancelled");
        assertThat(restocked.status()).isEqualTo(ReservationStatus.RESTOCKED);
        assertThat(restocked.onRelease()).isEqualTo(Reservation.ReleaseAction.NOTHING);
        assertThat(restocked.onCommit()).isEqualTo(Reservation.CommitAction.REFUSE);
        assertThat(restocked.commitRefusal()).isEqualTo(Reasons.RESERVATION_RELEASED);
        assertThatThrownBy(committed::committed).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> committed.released("late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReleasedReservationReleasesAgainAsANoOpAndRefusesACommit() {
        Reservation released = held().released("payment-failed");

        assertThat(released.onRelease()).isEqualTo(Reservation.ReleaseAction.NOTHING);
        assertThat(released.onCommit()).isEqualTo(Reservation.CommitAction.REFUSE);
        assertThat(released.commitRefusal()).isEqualTo(Reasons.RESERVATION_RELEASED);
        assertThatThrownBy(released::committed).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> released.restocked("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> released.expired(EXPIRY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExpiredReservationIsTakenAgainByALateCommitOrLapsesForGood() {
        Reservation expired = held().expired(EXPIRY);
        assertThat(expired.onCommit()).isEqualTo(Reservation.CommitAction.RETAKE);
        assertThat(expired.onRelease()).isEqualTo(Reservation.ReleaseAction.CLOSE);
        Reservation closed = expired.closed("order cancelled");
        assertThat(closed.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(closed.onCommit()).as("released on purpose: no commit takes the units again")
                .isEqualTo(Reservation.CommitAction.REFUSE);
        assertThat(closed.commitRefusal()).isEqualTo(Reasons.RESERVATION_RELEASED);
        assertThat(closed.onRelease()).isEqualTo(Reservation.ReleaseAction.NOTHING);
        assertThatThrownBy(() -> held().closed("x")).isInstanceOf(IllegalStateException.class);

        List<ReservationLine> elsewhere = List.of(new ReservationLine("A", BARCELONA, 3),
                new ReservationLine("B", BARCELONA, 4));
        Reservation retaken = expired.retakenAndCommitted(elsewhere);
        assertThat(retaken.status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(retaken.lines()).isEqualTo(elsewhere);

        Reservation lapsed = expired.lapsed(List.of("B"));
        assertThat(lapsed.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(lapsed.onCommit()).isEqualTo(Reservation.CommitAction.REFUSE);
        assertThat(lapsed.commitRefusal()).as("later commits hear the same as the first")
                .isEqualTo(Reasons.RESERVATION_EXPIRED);
        assertThat(lapsed.unavailableSkus()).containsExactly("B");
        assertThatThrownBy(expired::committed).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> held().lapsed(List.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> held().retakenAndCommitted(elsewhere)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRejectedReservationHoldsNothingAndRefusesEverythingButARelease() {
        Reservation rejected = Reservation.rejected(UUID.randomUUID(), UUID.randomUUID(), EXPIRY,
                Reasons.INSUFFICIENT_STOCK, List.of("A"));

        assertThat(rejected.lines()).isEmpty();
        assertThat(rejected.onRelease()).isEqualTo(Reservation.ReleaseAction.NOTHING);
        assertThat(rejected.onCommit()).isEqualTo(Reservation.CommitAction.REFUSE);
        assertThat(rejected.commitRefusal()).isEqualTo(Reasons.RESERVATION_REJECTED);
        assertThat(rejected.expiredAt(EXPIRY.plusSeconds(1))).isFalse();
        assertThatThrownBy(rejected::committed).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theUnitsRequestedAreSummedPerSkuOverWarehouses() {
        assertThat(held().requested()).isEqualTo(Map.of("A", 3, "B", 4));
    }

    @Test
    void aHeldReservationHoldsSomething() {
        assertThatThrownBy(() -> Reservation.held(UUID.randomUUID(), UUID.randomUUID(), EXPIRY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
