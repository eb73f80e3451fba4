package io.tienda.analytics;

import io.tienda.analytics.Fixtures.Event;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.messaging.InboundMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.tienda.analytics.Fixtures.product;

/**
 * Not a test: figures. Ingests one million order lines (250,000 order.confirmed events of 4 lines,
 * 90 days in time order as a live stream arrives, 200 products) through the ingestion the Kafka
 * listener uses, in polls of 2000 events (its max-poll-records), then
 * calls every report N times over HTTP and prints events/s and p50/p95 latencies. Run it with
 * {@code ./mvnw -B -ntp -o -pl analytics-service verify -Pbench}; the default build skips it.
 */
class AnalyticsBenchmark extends AnalyticsServiceIT {

    static final int EVENTS = Integer.getInteger("bench.events", 250_000);
    static final int LINES_PER_ORDER = 4;
    static final int POLL = 2000;
    static final int CALLS = Integer.getInteger("bench.calls", 30);
    static final LocalDate FIRST_DAY = LocalDate.parse("2037-01-01");
    static final int DAYS = 90;
    static final String CURRENCY = "XBA";

    @Test
    void ingestOneMillionLinesThenTimeTheReports() {
        Random random = new Random(7);
        List<Event> products = new ArrayList<>();
        for (int p = 0; p < 200; p++) {
            products.add(product("BP-" + p, "cat-" + p % 10, "brand-" + p % 20, List.of("BS-" + p),
                    "2036-12-01T00:00:00Z"));
        }
        ingest(products);

        long start = System.nanoTime();
        List<InboundMessage> poll = new ArrayList<>(POLL);
        List<InboundMessage> lastPoll = List.of();
        for (int i = 0; i < EVENTS; i++) {
            poll.add(order(random, i).message());
            if (poll.size() == POLL || i == EVENTS - 1) {
                ingestion.ingest(poll);
                lastPoll = List.copyOf(poll);
                poll.clear();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nINGESTION: %,d events (%,d order lines) in %.1f s: %,.0f events/s, %,.0f lines/s%n",
                EVENTS, EVENTS * LINES_PER_ORDER, seconds, EVENTS / seconds, EVENTS * LINES_PER_ORDER / seconds);
        // a replay of the last poll: skipped by the event-id check
        long replayStart = System.nanoTime();
        int written = ingestion.ingest(lastPoll);
        System.out.printf("replay of the last poll (%d events): %d rows written, %.0f ms%n", lastPoll.size(), written,
                (System.nanoTime() - replayStart) / 1e6);

        String period = "from=2037-01-01&to=2037-03-31&currency=" + CURRENCY;
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("sales by day", "sales?" + period);
        reports.put("sales by week, one category", "sales?granularity=week&category=cat-3&" + period);
        reports.put("sales by category", "sales/by-category?" + period);
        reports.put("sales by brand", "sales/by-brand?" + period);
        reports.put("sales by product", "sales/by-product?" + period);
        reports.put("top products by units", "top-products?by=units&limit=10&" + period);
        reports.put("kpis", "kpis?" + period);
        reports.put("funnel", "funnel?from=2037-01-01&to=2037-03-31");
        reports.put("customers and cohorts", "customers?from=2037-01-01&to=2037-03-31");
        reports.put("forecast 14 days", "forecast?days=14&from=2037-01-01&to=2037-03-31&currency=" + CURRENCY);
        reports.put("recent orders", "recent-orders?limit=20");
        reports.put("low stock", "low-stock");
        System.out.printf("%nREPORTS over %,d order lines, %d calls each after one warm-up:%n",
                EVENTS * LINES_PER_ORDER, CALLS);
        System.out.printf("%-30s %10s %10s %10s%n", "report", "p50 ms", "p95 ms", "max ms");
        for (Map.Entry<String, String> report : reports.entrySet()) {
            api.get("/api/v1/analytics/" + report.getValue(), analyst()).expect(200);
            long[] times = new long[CALLS];
            for (int i = 0; i < CALLS; i++) {
                long t = System.nanoTime();
                api.get("/api/v1/analytics/" + report.getValue(), analyst()).expect(200);
                times[i] = System.nanoTime() - t;
            }
            Arrays.sort(times);
            System.out.printf("%-30s %10.1f %10.1f %10.1f%n", report.getKey(), times[CALLS / 2] / 1e6,
                    times[(int) Math.ceil(CALLS * 0.95) - 1] / 1e6, times[CALLS - 1] / 1e6);
        }
        System.out.println();
    }

    /** The {@code n}th order of the stream: spread evenly over the 90 days, in order. */
    private static Event order(Random random, int n) {
        UUID order = UUID.randomUUID();
        Instant at = FIRST_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                .plusSeconds((long) n * DAYS * 86_400 / EVENTS);
        List<OrderLine> lines = new ArrayList<>(LINES_PER_ORDER);
        long total = 0;
        for (int l = 0; l < LINES_PER_ORDER; l++) {
            int p = random.nextInt(200);
            long price = 500 + p * 37L;
            int quantity = 1 + random.nextInt(3);
            lines.add(new OrderLine("BS-" + p, "BP-" + p, "Product " + p, quantity, Money.of(price, CURRENCY)));
            total += price * quantity;
        }
        String customer = "bc-" + random.nextInt(20_000);
        return new Event(Topics.ORDER_EVENTS, order.toString(), UUID.randomUUID(), at,
                new OrderConfirmed(order, customer, "cart-" + order, lines, Money.of(total, CURRENCY), at));
    }
}
