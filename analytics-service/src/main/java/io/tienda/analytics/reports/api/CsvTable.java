package io.tienda.analytics.reports.api;

import java.util.List;

/** A response that can also be written as CSV (Accept: text/csv): a header and rows of plain values. */
interface CsvTable {

    List<String> csvHeader();

    List<List<Object>> csvRows();
}
