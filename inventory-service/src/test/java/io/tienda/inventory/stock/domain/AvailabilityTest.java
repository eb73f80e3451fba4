package io.tienda.inventory.stock.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityTest {

    @Test
    void aSkuIsInStockWhileAtLeastOneUnitIsAvailable() {
        assertThat(new Availability("SKU-1", 1).inStock()).isTrue();
        assertThat(new Availability("SKU-1", 0).inStock()).isFalse();
    }
}
