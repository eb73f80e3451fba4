package io.tienda.analytics.sales.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tienda.analytics.sales.domain.SaleFact;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A row of the sales table as JSONEachRow writes it. */
record SalesRow(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("order_id") String orderId,
        @JsonProperty("customer_id") String customerId,
        @JsonProperty("sku") String sku,
        @JsonProperty("category_id") String categoryId,
        @JsonProperty("quantity") int quantity,
        @JsonProperty("unit_price") long unitPrice,
        @JsonProperty("currency") String currency,
        @JsonProperty("occurred_at") String occurredAt) {

    /** The text form every ClickHouse release parses into a DateTime; the column's zone is UTC. */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    static SalesRow of(SaleFact fact) {
        return new SalesRow(fact.eventId().toString(), fact.orderId().toString(),
                fact.customerId() == null ? "" : fact.customerId(), fact.sku(),
                fact.categoryId() == null ? "" : fact.categoryId(), fact.quantity(), fact.unitPrice().amount(),
                fact.unitPrice().currency(), DATE_TIME.format(fact.occurredAt()));
    }
}
