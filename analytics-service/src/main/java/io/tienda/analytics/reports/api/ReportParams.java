package io.tienda.analytics.reports.api;

import org.springframework.http.MediaType;

/** What every report endpoint shares. */
final class ReportParams {

    static final String JSON_OR_CSV_1 = MediaType.APPLICATION_JSON_VALUE;
    static final String JSON_OR_CSV_2 = "text/csv";
    static final String FROM = "First day, YYYY-MM-DD (UTC), from 1970-01-01 to 2105-12-31";
    static final String TO = "Last day, YYYY-MM-DD, not before 'from' nor after 2105-12-31; the period spans at "
            + "most 366 days";
    static final String CURRENCY = "ISO 4217 code of the currency of the sales to count; default EUR";
    static final String SALES = " An order cancelled before its payment was captured is no sale (nothing was "
            + "charged); one cancelled after it still is, and its refund is a refund.";
    static final String REVENUE = " Revenue is what shoppers paid for the lines, after offers and the coupon, "
            + "before shipping; orders published before lines carried it count their units at the catalog price."
            + SALES;
    static final String WHO = " Analysts, managers and admins; JSON, or CSV with Accept: text/csv.";

    private ReportParams() {
    }
}
