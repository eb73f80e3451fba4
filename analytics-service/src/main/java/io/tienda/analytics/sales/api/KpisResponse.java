package io.tienda.analytics.sales.api;

import java.time.LocalDate;

/** Headline figures of a period; amounts in minor units of {@code currency}. */
public record KpisResponse(LocalDate from, LocalDate to, String currency, long gmv, long orders,
        long averageOrderValue) {
}
