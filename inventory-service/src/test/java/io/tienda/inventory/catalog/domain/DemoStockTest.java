package io.tienda.inventory.catalog.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoStockTest {

    @Test
    void aSkuAlwaysStartsWithTheSameStock() {
        assertThat(DemoStock.plan("TSHIRT-RED-M")).isEqualTo(DemoStock.plan("TSHIRT-RED-M"));
    }

    @Test
    void mostSkusGetTenToAHundredAndFiftyAFewNoneAndAFewLessThanTheReorderPoint() {
        List<DemoStock.Plan> plans = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            plans.add(DemoStock.plan("SKU-" + i));
        }

        long none = plans.stream().filter(p -> p.quantity() == 0).count();
        long low = plans.stream().filter(p -> p.quantity() > 0 && p.quantity() < p.reorderPoint()).count();
        long normal = plans.stream().filter(p -> p.quantity() >= 10 && p.quantity() <= 150).count();
        assertThat(none + low + normal).isEqualTo(plans.size());
        assertThat(normal).isBetween(1600L, 1800L);
        assertThat(none).isBetween(60L, 140L);
        assertThat(low).isBetween(140L, 260L);
        assertThat(plans).allSatisfy(p -> {
            assertThat(p.reorderPoint()).isEqualTo(DemoStock.REORDER_POINT);
            assertThat(p.reorderQuantity()).isGreaterThan(p.reorderPoint());
        });
        assertThat(plans.stream().mapToInt(DemoStock.Plan::quantity).distinct().count())
                .as("spread over the range, not a few values").isGreaterThan(100);
    }
}
