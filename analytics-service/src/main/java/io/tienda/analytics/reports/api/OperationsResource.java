package io.tienda.analytics.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.analytics.AnalyticsAccess;
import io.tienda.analytics.reports.AnalyticsReports;
import io.tienda.analytics.reports.domain.Reports;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_1;
import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_2;

/** What the dashboard shows of the shop floor, from the facts (analysts do not reach the owners' staff APIs). */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Sales reports for analysts")
class OperationsResource {

    private final AnalyticsReports reports;

    OperationsResource(AnalyticsReports reports) {
        this.reports = reports;
    }

    record LowStockResponse(List<Reports.LowStockItem> items) implements CsvTable {

        public List<String> csvHeader() {
            return List.of("sku", "warehouse", "onHand", "available", "reorderPoint", "reorderQuantity", "reportedAt");
        }

        public List<List<Object>> csvRows() {
            return items.stream().map(i -> List.<Object>of(i.sku(), i.warehouse(), i.onHand(), i.available(),
                    i.reorderPoint(), i.reorderQuantity(), i.reportedAt())).toList();
        }
    }

    record RecentOrdersResponse(List<Reports.RecentOrder> items) implements CsvTable {

        public List<String> csvHeader() {
            return List.of("orderId", "customerId", "status", "total", "currency", "units", "placedAt", "updatedAt");
        }

        public List<List<Object>> csvRows() {
            return items.stream().map(o -> List.<Object>of(o.orderId(), o.customerId(), o.status(), o.total(),
                    o.currency(), o.units(), o.placedAt(), o.updatedAt())).toList();
        }
    }

    @GetMapping(path = "/low-stock", produces = {JSON_OR_CSV_1, JSON_OR_CSV_2})
    @PreAuthorize(AnalyticsAccess.READERS)
    @Operation(summary = "SKUs low on stock",
            description = "The latest inventory.low_stock of each SKU that no later inventory.stock_changed shows "
                    + "back above that alert's reorder point; newest first, at most 'limit' (1-100, default 50)."
                    + ReportParams.WHO)
    LowStockResponse lowStock(@RequestParam(defaultValue = "50") int limit) {
        return new LowStockResponse(reports.lowStock(limit));
    }

    @GetMapping(path = "/recent-orders", produces = {JSON_OR_CSV_1, JSON_OR_CSV_2})
    @PreAuthorize(AnalyticsAccess.READERS)
    @Operation(summary = "Latest orders",
            description = "The last 'limit' (1-100, default 20) orders placed or confirmed, newest first, each with "
                    + "its latest status (PLACED, CONFIRMED, REJECTED, CANCELLED, SHIPPED, DELIVERED), total in "
                    + "minor units and units." + ReportParams.WHO)
    RecentOrdersResponse recentOrders(@RequestParam(defaultValue = "20") int limit) {
        return new RecentOrdersResponse(reports.recentOrders(limit));
    }
}
