package io.tienda.inventory.warehouse.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseTest {

    private final Warehouse open = Warehouse.opened(UUID.randomUUID(), "SEV-1", "Sevilla", 30);

    @Test
    void aNewWarehouseIsActiveWithNothingPending() {
        assertThat(open.active()).isTrue();
        assertThat(open.availabilityPending()).isFalse();
    }

    @Test
    void closingOrReopeningLeavesTheAvailabilityOfItsSkusPending() {
        Warehouse closed = open.withActive(false);
        assertThat(closed.active()).isFalse();
        assertThat(closed.availabilityPending()).isTrue();

        Warehouse reopened = closed.withActive(true);
        assertThat(reopened.active()).isTrue();
        assertThat(reopened.availabilityPending()).isTrue();
    }

    @Test
    void keepingTheStatusRenamingOrReprioritisingChangesNoAvailability() {
        assertThat(open.withActive(true).availabilityPending()).isFalse();
        assertThat(open.renamed("Sevilla sur").withPriority(31).availabilityPending()).isFalse();
        Warehouse pending = open.withActive(false);
        assertThat(pending.withActive(false).renamed("Cerrado").availabilityPending()).isTrue();
    }

    @Test
    void priorityStaysInRange() {
        assertThatThrownBy(() -> open.withPriority(Warehouse.MAX_PRIORITY + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
