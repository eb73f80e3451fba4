package io.tienda.analytics.reports.persistence;

import io.tienda.analytics.clickhouse.ClickHouse;
import io.tienda.analytics.facts.domain.FactTables;
import io.tienda.analytics.reports.domain.Granularity;
import io.tienda.analytics.reports.domain.ReportPeriod;
import io.tienda.analytics.reports.domain.ReportQueries;
import io.tienda.analytics.reports.domain.Reports;
import io.tienda.analytics.reports.domain.SalesFilter;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reports in ClickHouse SQL that runs on 18.16 and on current releases: every fact table is read
 * with FINAL, so a duplicate that a merge has not collapsed yet is still counted once; joins are
 * {@code ANY LEFT JOIN ... USING}; weeks start with {@code toMonday} (18.16 has no toStartOfWeek).
 * Values are inlined (18.16 has no query parameters) after validation: dates are formatted here,
 * currencies are ISO 4217 codes and filters are plain ids (see SalesFilter). Sums of money
 * are Int64 in ClickHouse and long here; only rates are decimals. Revenue is always {@code line_total},
 * what shoppers paid for the lines after offers and the coupon, never the catalog {@code unit_price}.
 * Refunds are {@code payment.refunded} less the ones that failed at the provider afterwards. An order
 * cancelled before its payment was captured is no sale in any report that counts sales (see
 * {@code charged}).
 */
@Repository
class ClickHouseReports implements ReportQueries {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String CONFIRMED = "'order.confirmed'";
    private static final String PRODUCT_DETAILS = "('product.created','product.updated')";

    /**
     * The customer of a fact as reports show and count them: their id, or for a customer erased since
     * ({@code user.erased}) the random id analytics gave them once. The replacements are joined when read,
     * so the facts keep the ids their events carried (ClickHouse rewrites rows only through heavy
     * mutations, and a backfill or a late event would bring the real id back anyway), and an event about
     * the customer that arrives after the erasure is masked like the others. One replacement per customer,
     * never anyone else's: every count of customers, and every cohort, is what it was before the erasure.
     * {@code %1$s} is the column of the customer id, joined with {@link #replacements}.
     */
    private static final String CUSTOMER = "if(replacement = '', %1$s, replacement)";

    private final ClickHouse clickHouse;

    ClickHouseReports(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    @Override
    public List<Reports.PeriodSales> salesByPeriod(ReportPeriod period, Granularity granularity, String currency,
            SalesFilter filter) {
        String bucket = switch (granularity) {
            case DAY -> "toDate(occurred_at)";
            case WEEK -> "toMonday(occurred_at)";
            case MONTH -> "toStartOfMonth(occurred_at)";
        };
        String sql = """
                SELECT toString(%s) AS bucket, uniqExact(order_id) AS orders, sum(quantity) AS units,
                       sum(line_total) AS revenue
                FROM %s
                WHERE %s
                GROUP BY bucket ORDER BY bucket
                FORMAT JSONEachRow""".formatted(bucket, linesWithProducts(), salesWhere(period, currency, filter));
        List<Reports.PeriodSales> rows = new ArrayList<>();
        for (JsonNode row : clickHouse.rows(sql)) {
            rows.add(new Reports.PeriodSales(day(row.get("bucket").asString()), num(row, "orders"),
                    num(row, "units"), num(row, "revenue")));
        }
        return rows;
    }

    @Override
    public List<Reports.Sales> salesBy(Dimension dimension, ReportPeriod period, String currency, SalesFilter filter,
            Ranking ranking, int limit) {
        String key = switch (dimension) {
            case CATEGORY -> "category";
            case BRAND -> "brand";
            case PRODUCT -> "sku";
        };
        String label = dimension == Dimension.PRODUCT ? "any(name)" : key;
        String order = ranking == Ranking.UNITS ? "units DESC, revenue DESC" : "revenue DESC, units DESC";
        String sql = """
                SELECT %s AS key, %s AS label, uniqExact(order_id) AS orders, sum(quantity) AS units,
                       sum(line_total) AS revenue
                FROM %s
                WHERE %s
                GROUP BY key ORDER BY %s, key LIMIT %d
                FORMAT JSONEachRow""".formatted(key, label, linesWithProducts(), salesWhere(period, currency, filter),
                order, limit);
        List<Reports.Sales> rows = new ArrayList<>();
        for (JsonNode row : clickHouse.rows(sql)) {
            String k = row.get("key").asString();
            String l = row.get("label").asString();
            rows.add(new Reports.Sales(k.isEmpty() ? "unknown" : k, l.isEmpty() ? "unknown" : l, num(row, "orders"),
                    num(row, "units"), num(row, "revenue")));
        }
        return rows;
    }

    @Override
    public Reports.Kpis kpis(ReportPeriod period, String currency) {
        JsonNode sales = one("""
                SELECT sum(line_total) AS gmv, uniqExact(order_id) AS orders, sum(quantity) AS units
                FROM %s FINAL WHERE currency = '%s' AND %s AND %s
                FORMAT JSONEachRow""".formatted(table(FactTables.ORDER_LINES), currency, within(period), charged()));
        JsonNode refunds = refunds(period, currency);
        JsonNode carts = one("""
                SELECT uniqExact(cart_id) AS carts FROM %s FINAL WHERE type = 'cart.item_added' AND %s
                FORMAT JSONEachRow""".formatted(table(FactTables.CARTS), within(period)));
        long gmv = num(sales, "gmv");
        long orders = num(sales, "orders");
        long refunded = num(refunds, "refunds");
        long refundedOrders = num(refunds, "refunded_orders");
        long cartCount = num(carts, "carts");
        long aov = orders == 0 ? 0 : BigDecimal.valueOf(gmv).divide(BigDecimal.valueOf(orders), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return new Reports.Kpis(gmv, refunded, gmv - refunded, orders, aov, num(sales, "units"), refundedOrders,
                ratio(refundedOrders, orders), cartCount, ratio(orders, cartCount));
    }

    /**
     * Refunds announced in the period ({@code payment.refunded}) less what failed of them at the provider
     * afterwards: a {@code payment.refund_failed} with the refund id of a {@code payment.refunded}
     * cancels that refund, wherever in time the failure falls, and in whichever order the two were
     * ingested; one whose id was never announced as refunded (it failed at once) changes nothing.
     * The failure is joined at query time, so there is nothing to undo or repeat when either event
     * arrives again, late, or first. Failures of one refund add up and never cancel more than was
     * announced under its id; when payment-service announced one refund id in several parts (money a
     * charge's statement brought in, then its refund event), a partial failure is shared among the
     * parts in proportion, rounded down (amount * failed stays within Int64 for refunds below 3e9
     * minor units). An order counts as refunded while any of its refunds in the period is not wholly
     * cancelled. Rows of earlier versions have no refund id (''), which matches nothing; nor do refunds
     * staff paid another way ({@code order.refund_settled}, {@code returns.refund_settled}), which count as
     * refunds and no failure can cancel. ClickHouse
     * evaluates both branches of {@code if}, hence the divisor that is never 0.
     */
    private JsonNode refunds(ReportPeriod period, String currency) {
        String refunded = "type IN ('payment.refunded', 'order.refund_settled', 'returns.refund_settled') "
                + "AND currency = '" + currency
                + "' AND " + within(period);
        return one("""
                SELECT sum(amount - cancelled) AS refunds, uniqExactIf(order_id, NOT withdrawn) AS refunded_orders
                FROM (
                    SELECT order_id, amount,
                           if(failed = 0, 0, if(failed >= announced, amount, if(amount = announced, failed,
                               intDiv(amount * failed, greatest(announced, 1))))) AS cancelled,
                           failed > 0 AND cancelled = amount AS withdrawn
                    FROM (
                        SELECT refund_id, order_id, amount FROM %1$s FINAL WHERE %2$s
                    ) ANY LEFT JOIN (
                        SELECT refund_id, sumIf(amount, type = 'payment.refunded') AS announced,
                               sumIf(amount, type = 'payment.refund_failed') AS failed
                        FROM %1$s FINAL
                        WHERE type IN ('payment.refunded', 'payment.refund_failed') AND refund_id != ''
                          AND refund_id IN (SELECT refund_id FROM %1$s WHERE %2$s)
                        GROUP BY refund_id
                    ) USING (refund_id)
                )
                FORMAT JSONEachRow""".formatted(table(FactTables.PAYMENTS), refunded));
    }

    @Override
    public Reports.Funnel funnel(ReportPeriod period) {
        JsonNode carts = one("""
                SELECT uniqExactIf(cart_id, type = 'cart.item_added') AS added,
                       uniqExactIf(cart_id, type = 'cart.checkout_started') AS checkout
                FROM %s FINAL WHERE %s
                FORMAT JSONEachRow""".formatted(table(FactTables.CARTS), within(period)));
        JsonNode orders = one("""
                SELECT uniqExactIf(order_id, type = 'order.placed') AS placed,
                       uniqExactIf(order_id, type = %s) AS confirmed
                FROM %s FINAL WHERE %s
                FORMAT JSONEachRow""".formatted(CONFIRMED, table(FactTables.ORDERS), within(period)));
        return new Reports.Funnel(num(carts, "added"), num(carts, "checkout"), num(orders, "placed"),
                num(orders, "confirmed"));
    }

    /**
     * Customers with a confirmed order in the period, and whether their first confirmed order ever
     * falls in it. The first-order lookup reads nothing after the period (a customer of the period has
     * an order in it, so later ones cannot be their first) but must read all history before it: a
     * lower bound would turn a returning customer into a new one.
     */
    @Override
    public Reports.Customers customers(ReportPeriod period) {
        JsonNode row = one("""
                SELECT count() AS customers, countIf(first_at >= toDateTime('%1$s', 'UTC')) AS new_customers,
                       countIf(orders >= 2) AS repeat_customers
                FROM (
                    SELECT customer, uniqExact(order_id) AS orders FROM (%2$s) GROUP BY customer
                ) ANY LEFT JOIN (
                    SELECT customer, min(occurred_at) AS first_at FROM (%3$s) GROUP BY customer
                ) USING (customer)
                FORMAT JSONEachRow""".formatted(time(period.startInclusive()), salesByCustomer(within(period)),
                salesByCustomer(until(period))));
        JsonNode registrations = one("""
                SELECT uniqExact(user_id) AS registrations FROM %s FINAL WHERE %s
                FORMAT JSONEachRow""".formatted(table(FactTables.REGISTRATIONS), within(period)));
        long customers = num(row, "customers");
        long fresh = num(row, "new_customers");
        long repeat = num(row, "repeat_customers");
        return new Reports.Customers(customers, fresh, customers - fresh, repeat, ratio(repeat, customers),
                num(registrations, "registrations"));
    }

    /**
     * Cohorts whose month lies in the period, with their active months up to its end. Activity is read
     * from the first cohort month on (a customer of such a cohort has no order before it), and neither
     * subquery reads past the period; the cohort of each customer still needs all history before the
     * period, since an earlier order puts the customer in an earlier cohort, which is left out.
     */
    @Override
    public List<Reports.CohortCell> cohorts(ReportPeriod period) {
        String sql = """
                SELECT toString(cohort) AS cohort_month, toString(month) AS active_month, uniqExact(customer) AS customers
                FROM (
                    SELECT customer, toStartOfMonth(occurred_at) AS month FROM (%1$s) GROUP BY customer, month
                ) ALL INNER JOIN (
                    SELECT customer, min(toStartOfMonth(occurred_at)) AS cohort FROM (%2$s) GROUP BY customer
                ) USING (customer)
                WHERE cohort >= toStartOfMonth(toDate('%3$s')) AND cohort <= toDate('%4$s')
                GROUP BY cohort, month ORDER BY cohort, month
                FORMAT JSONEachRow""".formatted(
                salesByCustomer("occurred_at >= toDateTime('" + time(cohortStart(period)) + "', 'UTC') AND "
                        + until(period)),
                salesByCustomer(until(period)), period.from(), period.to());
        List<Reports.CohortCell> cells = new ArrayList<>();
        for (JsonNode row : clickHouse.rows(sql)) {
            cells.add(new Reports.CohortCell(day(row.get("cohort_month").asString()),
                    day(row.get("active_month").asString()), num(row, "customers")));
        }
        return cells;
    }

    @Override
    public List<Reports.DailyValue> dailyRevenue(ReportPeriod period, String currency) {
        String sql = """
                SELECT toString(toDate(occurred_at)) AS day, sum(line_total) AS revenue
                FROM %s FINAL WHERE currency = '%s' AND %s AND %s
                GROUP BY day ORDER BY day
                FORMAT JSONEachRow""".formatted(table(FactTables.ORDER_LINES), currency, within(period), charged());
        List<Reports.DailyValue> values = new ArrayList<>();
        for (JsonNode row : clickHouse.rows(sql)) {
            values.add(new Reports.DailyValue(day(row.get("day").asString()), num(row, "revenue")));
        }
        return values;
    }

    /**
     * The latest low_stock of each SKU, unless a stock_changed at or after it (the newest by version)
     * shows more available than that alert's reorder point.
     */
    @Override
    public List<Reports.LowStockItem> lowStock(int limit) {
        String sql = """
                SELECT sku, warehouse, on_hand, available, reorder_point, reorder_quantity,
                       toString(reported_at) AS reported
                FROM (
                    SELECT sku, argMax(warehouse, occurred_at) AS warehouse, argMax(on_hand, occurred_at) AS on_hand,
                           argMax(available, occurred_at) AS available,
                           argMax(reorder_point, occurred_at) AS reorder_point,
                           argMax(reorder_quantity, occurred_at) AS reorder_quantity, max(occurred_at) AS reported_at
                    FROM %1$s FINAL WHERE type = 'inventory.low_stock'
                    GROUP BY sku
                ) ANY LEFT JOIN (
                    SELECT sku, argMax(available, version) AS now_available, argMax(occurred_at, version) AS changed_at
                    FROM %1$s FINAL WHERE type = 'inventory.stock_changed'
                    GROUP BY sku
                ) USING (sku)
                WHERE NOT (changed_at >= reported_at AND now_available > reorder_point)
                ORDER BY reported_at DESC, sku LIMIT %2$d
                FORMAT JSONEachRow""".formatted(table(FactTables.STOCK), limit);
        List<Reports.LowStockItem> items = new ArrayList<>();
        for (JsonNode row : clickHouse.rows(sql)) {
            items.add(new Reports.LowStockItem(row.get("sku").asString(), row.get("warehouse").asString(),
                    (int) num(row, "on_hand"), (int) num(row, "available"), (int) num(row, "reorder_point"),
                    (int) num(row, "reorder_quantity"), instant(row.get("reported").asString())));
        }
        return items;
    }

    /**
     * Orders that were placed or confirmed, newest first, each with the status of its latest event
     * (ties within a second broken by the lifecycle stage) and its customer as {@link #CUSTOMER} shows
     * them, looked up for the orders listed only.
     */
    @Override
    public List<Reports.RecentOrder> recentOrders(int limit) {
        String sql = """
                SELECT id, %1$s AS shown_customer, status, order_total, order_currency, order_units, placed, updated
                FROM (
                    SELECT toString(order_id) AS id, any(customer_id) AS customer,
                           argMax(type, toUInt64(occurred_at) * 10 + stage) AS status,
                           argMaxIf(total, stage, stage <= 2) AS order_total,
                           argMaxIf(currency, stage, stage <= 2) AS order_currency,
                           argMaxIf(units, stage, stage <= 2) AS order_units,
                           toString(minIf(occurred_at, stage <= 2)) AS placed, toString(max(occurred_at)) AS updated
                    FROM %2$s FINAL
                    GROUP BY order_id
                    HAVING countIf(stage <= 2) > 0
                    ORDER BY placed DESC, id LIMIT %3$d
                ) ANY LEFT JOIN %4$s USING (customer)
                ORDER BY placed DESC, id
                FORMAT JSONEachRow""".formatted(CUSTOMER.formatted("customer"), table(FactTables.ORDERS), limit,
                replacements("customer"));
        List<Reports.RecentOrder> orders = new ArrayList<>();
        for (JsonNode row : clickHouse.rows(sql)) {
            String status = row.get("status").asString();
            orders.add(new Reports.RecentOrder(UUID.fromString(row.get("id").asString()),
                    row.get("shown_customer").asString(), status.substring(status.indexOf('.') + 1).toUpperCase(),
                    num(row, "order_total"), row.get("order_currency").asString().replace("\u0000", ""),
                    (int) num(row, "order_units"), instant(row.get("placed").asString()),
                    instant(row.get("updated").asString())));
        }
        return orders;
    }

    /**
     * The condition on {@code order_id} that leaves out orders cancelled before their payment was captured:
     * the saga voided the authorisation (a stock commit or a capture failed or timed out, or the shopper
     * cancelled in between), so no money was taken and the confirmation was no sale. An order whose capture
     * is stored stays a sale even when cancelled later: its refund is counted as a refund. Both facts are
     * read whenever they happened, not only in the period (a cancellation may fall in the next one), and
     * are joined when read, so the answer does not depend on which of the confirmation, the cancellation
     * and the capture was stored first, nor on copies of them. The captures looked up are only those of
     * cancelled orders, a small set.
     */
    private String charged() {
        return """
                order_id NOT IN (
                    SELECT order_id FROM %1$s WHERE type = 'order.cancelled' AND order_id NOT IN (
                        SELECT order_id FROM %2$s WHERE type = 'payment.captured'
                          AND order_id IN (SELECT order_id FROM %1$s WHERE type = 'order.cancelled')))\
                """.formatted(table(FactTables.ORDERS), table(FactTables.PAYMENTS));
    }

    /** The replacement of each erased customer, as {@code key} and {@code replacement}, for a join. */
    private String replacements(String key) {
        return "(SELECT customer_id AS %s, replacement FROM %s FINAL)".formatted(key,
                table(FactTables.ERASED_CUSTOMERS));
    }

    /**
     * The sales (confirmed and {@link #charged}) of customers known by id whose time matches {@code when}:
     * {@code customer} (see {@link #CUSTOMER}), {@code order_id}, {@code occurred_at}.
     */
    private String salesByCustomer(String when) {
        return """
                SELECT %1$s AS customer, order_id, occurred_at
                FROM %2$s FINAL ANY LEFT JOIN %3$s USING (customer_id)
                WHERE type = %4$s AND customer_id != '' AND %5$s AND %6$s""".formatted(
                CUSTOMER.formatted("customer_id"), table(FactTables.ORDERS), replacements("customer_id"), CONFIRMED,
                when, charged());
    }

    /**
     * Confirmed order lines with the category and brand of their product: the newest product.created
     * or product.updated of each product id (a price change or a deletion carries neither).
     */
    private String linesWithProducts() {
        return """
                %s FINAL ANY LEFT JOIN (
                    SELECT product_id, argMaxIf(category_id, occurred_at, type IN %s) AS category,
                           argMaxIf(brand_id, occurred_at, type IN %s) AS brand
                    FROM %s FINAL GROUP BY product_id
                ) USING (product_id)""".formatted(table(FactTables.ORDER_LINES), PRODUCT_DETAILS, PRODUCT_DETAILS,
                table(FactTables.PRODUCTS));
    }

    private String salesWhere(ReportPeriod period, String currency, SalesFilter filter) {
        StringBuilder where = new StringBuilder("currency = '" + currency + "' AND " + within(period) + " AND "
                + charged());
        if (filter.category() != null) {
            where.append(" AND category = '").append(filter.category()).append('\'');
        }
        if (filter.brand() != null) {
            where.append(" AND brand = '").append(filter.brand()).append('\'');
        }
        if (filter.sku() != null) {
            where.append(" AND sku = '").append(filter.sku()).append('\'');
        }
        return where.toString();
    }

    /**
     * The period's facts. The upper bound is the period's last second, inclusive (DateTime holds whole
     * seconds): the day after a period ending on the last day ClickHouse can hold would read as zero.
     */
    private static String within(ReportPeriod period) {
        return "occurred_at >= toDateTime('" + time(period.startInclusive()) + "', 'UTC') AND " + until(period);
    }

    private static String until(ReportPeriod period) {
        return "occurred_at <= toDateTime('" + time(period.lastSecond()) + "', 'UTC')";
    }

    private static Instant cohortStart(ReportPeriod period) {
        return period.from().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private String table(String name) {
        return clickHouse.database() + "." + name;
    }

    private JsonNode one(String sql) {
        List<JsonNode> rows = clickHouse.rows(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static long num(JsonNode row, String field) {
        return row == null ? 0 : ClickHouse.longValue(row.get(field));
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static String time(Instant instant) {
        return DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** A Date as ClickHouse prints it; 18.16 prints its first day, 1970-01-01, as 0000-00-00. */
    private static LocalDate day(String date) {
        return "0000-00-00".equals(date) ? ReportPeriod.FIRST_DAY : LocalDate.parse(date);
    }

    private static Instant instant(String dateTime) {
        return LocalDateTime.parse(dateTime, DATE_TIME).toInstant(ZoneOffset.UTC);
    }
}
