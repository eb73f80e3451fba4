package io.tienda.analytics.reports.domain;

import java.util.List;

/** The store's answers to the reports. */
public interface ReportQueries {

    enum Dimension { CATEGORY, BRAND, PRODUCT }

    enum Ranking { REVENUE, UNITS }

    List<Reports.PeriodSales> salesByPeriod(ReportPeriod period, Granularity granularity, String currency,
            SalesFilter filter);

    List<Reports.Sales> salesBy(Dimension dimension, ReportPeriod period, String currency, SalesFilter filter,
            Ranking ranking, int limit);

    Reports.Kpis kpis(ReportPeriod period, String currency);

    Reports.Funnel funnel(ReportPeriod period);

    Reports.Customers customers(ReportPeriod period);

    /** Cohorts whose first month lies in the period, with their activity up to the period's end. */
    List<Reports.CohortCell> cohorts(ReportPeriod period);

    List<Reports.DailyValue> dailyRevenue(ReportPeriod period, String currency);

    List<Reports.LowStockItem> lowStock(int limit);

    List<Reports.RecentOrder> recentOrders(int limit);
}
