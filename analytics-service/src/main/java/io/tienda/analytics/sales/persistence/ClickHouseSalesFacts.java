package io.tienda.analytics.sales.persistence;

import io.tienda.analytics.clickhouse.ClickHouse;
import io.tienda.analytics.sales.domain.Kpis;
import io.tienda.analytics.sales.domain.ReportPeriod;
import io.tienda.analytics.sales.domain.SaleFact;
import io.tienda.analytics.sales.domain.SalesFacts;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Pattern;

@Repository
class ClickHouseSalesFacts implements SalesFacts {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final ClickHouse clickHouse;

    ClickHouseSalesFacts(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    @Override
    public void record(List<SaleFact> lines) {
        clickHouse.insert(SalesTable.NAME, lines.stream().map(SalesRow::of).toList());
    }

    /**
     * Values are written into the SQL rather than bound: 18.16 has no query parameters. They are
     * safe to inline because the dates are formatted here and the currency is checked to be three
     * capital letters. The average is rounded half up in integer arithmetic; greatest() keeps the
     * division defined when there are no orders (ClickHouse evaluates both branches of if()).
     */
    @Override
    public Kpis kpis(ReportPeriod period, String currency) {
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("not an ISO 4217 code: " + currency);
        }
        String sql = """
                SELECT sum(quantity * unit_price) AS gmv,
                       uniqExact(order_id) AS orders,
                       intDiv(gmv + intDiv(orders, 2), greatest(orders, 1)) AS aov
                FROM %s.%s FINAL
                WHERE currency = '%s'
                  AND occurred_at >= toDateTime('%s', 'UTC')
                  AND occurred_at < toDateTime('%s', 'UTC')
                FORMAT JSONEachRow""".formatted(clickHouse.database(), SalesTable.NAME, currency,
                SalesRow.DATE_TIME.format(period.startInclusive()), SalesRow.DATE_TIME.format(period.endExclusive()));
        List<JsonNode> rows = clickHouse.rows(sql);
        if (rows.isEmpty()) {
            return new Kpis(0, 0, 0);
        }
        JsonNode row = rows.get(0);
        return new Kpis(ClickHouse.longValue(row.get("gmv")), ClickHouse.longValue(row.get("orders")),
                ClickHouse.longValue(row.get("aov")));
    }
}
