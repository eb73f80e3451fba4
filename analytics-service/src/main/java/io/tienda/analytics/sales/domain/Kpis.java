package io.tienda.analytics.sales.domain;

/**
 * Headline figures of a period in one currency, amounts in minor units.
 *
 * @param gmv               gross merchandise value: what the confirmed orders were worth
 * @param orders            how many distinct orders
 * @param averageOrderValue gmv / orders, rounded half up; 0 without orders
 */
public record Kpis(long gmv, long orders, long averageOrderValue) {
}
