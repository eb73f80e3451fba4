package io.tienda.platform.core;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFilterTest {

    @Test
    void onlyTheConditionsThatApplyAreWrittenWithTheirParameters() {
        SqlFilter filter = new SqlFilter().equal("customer_id", "customerId", "c-1")
                .equal("status", "status", null)
                .with("SKU-", "starts_with(sku, :prefix)", "prefix")
                .when(true, "available <= reorder_point")
                .when(false, "archived");

        assertThat(filter.where()).isEqualTo(" where customer_id = :customerId and starts_with(sku, :prefix)"
                + " and available <= reorder_point");
        assertThat(filter.params()).containsExactly(Map.entry("customerId", "c-1"), Map.entry("prefix", "SKU-"));
    }

    @Test
    void noConditionIsNoWhereClause() {
        SqlFilter filter = new SqlFilter().equal("order_id", "orderId", null).when(false, "archived");

        assertThat(filter.where()).isEmpty();
        assertThat(filter.params()).isEmpty();
    }
}
