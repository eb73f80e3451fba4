package io.tienda.analytics.sales.domain;

import java.util.List;

/** The sales fact table. */
public interface SalesFacts {

    /** Records lines; recording the lines of one event again changes no figure. */
    void record(List<SaleFact> lines);

    Kpis kpis(ReportPeriod period, String currency);
}
