package io.tienda.inventory.stock.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockRowTest {

    static StockRow row(int onHand, int reserved, int reorderPoint) {
        return new StockRow("SKU-1", UUID.randomUUID(), "MAD-1", 10, true, onHand, reserved, reorderPoint, 50);
    }

    @ParameterizedTest(name = "{0} of {1}: on hand {2}, reserved {3}")
    @CsvSource(textBlock = """
            RECEIPT,     5, 15, 2
            RESTOCK,     5, 15, 2
            ADJUSTMENT,  3, 13, 2
            ADJUSTMENT, -8,  2, 2
            RESERVATION, 8, 10, 10
            RELEASE,     2, 10, 0
            COMMIT,      2,  8, 0
            """)
    void eachKindMovesStockInItsOneDirection(MovementKind kind, int quantity, int onHand, int reserved) {
        StockRow after = row(10, 2, 0).apply(kind, quantity);

        assertThat(after.onHand()).isEqualTo(onHand);
        assertThat(after.reserved()).isEqualTo(reserved);
        assertThat(kind.onHandDelta(quantity)).isEqualTo(onHand - 10);
        assertThat(kind.reservedDelta(quantity)).isEqualTo(reserved - 2);
    }

    @Test
    void nothingMayBePromisedOrRemovedBeyondWhatIsAvailable() {
        StockRow row = row(10, 7, 0);

        assertThatThrownBy(() -> row.apply(MovementKind.RESERVATION, 4)).isInstanceOf(InsufficientStockException.class);
        assertThatThrownBy(() -> row.apply(MovementKind.ADJUSTMENT, -4)).isInstanceOf(InsufficientStockException.class);
        assertThat(row.apply(MovementKind.RESERVATION, 3).available()).isZero();
        assertThat(row.apply(MovementKind.ADJUSTMENT, -3).available()).isZero();
    }

    @Test
    void moreUnitsThanAreReservedCannotBeReleasedOrCommitted() {
        assertThatThrownBy(() -> row(10, 2, 0).apply(MovementKind.RELEASE, 3))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> row(10, 2, 0).apply(MovementKind.COMMIT, 3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMovementOfNoUnitsOrOfNegativeUnitsIsNotAMovement() {
        assertThatThrownBy(() -> row(10, 0, 0).apply(MovementKind.RECEIPT, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row(10, 0, 0).apply(MovementKind.RECEIPT, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row(10, 0, 0).apply(MovementKind.ADJUSTMENT, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row(StockRow.MAX_ON_HAND, 0, 0).apply(MovementKind.RECEIPT, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowIsLowAtOrBelowItsReorderPointAndCrossesOnlyOnTheWayDown() {
        StockRow plenty = row(10, 0, 5);
        StockRow atPoint = plenty.apply(MovementKind.RESERVATION, 5);
        StockRow below = atPoint.apply(MovementKind.COMMIT, 5).apply(MovementKind.ADJUSTMENT, -1);

        assertThat(plenty.low()).isFalse();
        assertThat(atPoint.low()).isTrue();
        assertThat(atPoint.crossedIntoLowFrom(plenty)).isTrue();
        assertThat(below.crossedIntoLowFrom(atPoint)).as("already low").isFalse();
        assertThat(plenty.crossedIntoLowFrom(atPoint)).as("recovering").isFalse();
        assertThat(plenty.withReorderPolicy(10, 50).crossedIntoLowFrom(plenty)).as("a higher reorder point").isTrue();
    }
}
