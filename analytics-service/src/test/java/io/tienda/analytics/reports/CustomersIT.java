package io.tienda.analytics.reports;

import io.tienda.analytics.AnalyticsServiceIT;
import io.tienda.analytics.Fixtures.Event;
import io.tienda.platform.testing.http.ApiReply;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.analytics.Fixtures.confirmed;
import static io.tienda.analytics.Fixtures.erased;
import static io.tienda.analytics.Fixtures.line;
import static io.tienda.analytics.Fixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * New and returning customers and monthly cohorts, on orders of 2032 (no other test uses that year):
 *
 * <pre>
 * ann   2031-12-10 (before the period), 2032-01-05, 2032-01-20, 2032-03-02
 * ben   2032-01-15, 2032-02-15
 * cat   2032-02-03
 * dan   2032-02-10, 2032-02-11, 2032-03-01
 * </pre>
 * Period 2032-01-01..2032-03-31: customers 4, new 3 (ben, cat, dan), returning 1 (ann), repeat 3 (ann,
 * ben, dan have 2+ orders in it). Cohorts: 2032-01 ben [1, 1, 0]; 2032-02 cat+dan [2, 1]. ann's cohort
 * (2031-12) lies before the period. cat's order and eve's first of 2032-04 come after it and change
 * nothing.
 */
class CustomersIT extends AnalyticsServiceIT {

    private static final String RECENT_ORDERS = "/api/v1/analytics/recent-orders?limit=100";

    @Test
    void newAndReturningCustomersRepeatRateAndCohorts() {
        List<Event> events = new ArrayList<>();
        order(events, "cust-ann", "2031-12-10T10:00:00Z");
        order(events, "cust-ann", "2032-01-05T10:00:00Z");
        order(events, "cust-ann", "2032-01-20T10:00:00Z");
        order(events, "cust-ann", "2032-03-02T10:00:00Z");
        order(events, "cust-ben", "2032-01-15T10:00:00Z");
        order(events, "cust-ben", "2032-02-15T10:00:00Z");
        order(events, "cust-cat", "2032-02-03T10:00:00Z");
        order(events, "cust-dan", "2032-02-10T10:00:00Z");
        order(events, "cust-dan", "2032-02-11T10:00:00Z");
        order(events, "cust-dan", "2032-03-01T10:00:00Z");
        // after the period: changes nothing in it
        order(events, "cust-cat", "2032-04-10T10:00:00Z");
        order(events, "cust-eve", "2032-04-05T10:00:00Z");
        events.add(registered(UUID.randomUUID(), "2032-01-02T10:00:00Z"));
        events.add(registered(UUID.randomUUID(), "2032-02-02T10:00:00Z"));
        events.add(registered(UUID.randomUUID(), "2031-02-02T10:00:00Z"));
        ingest(events);
        ingest(events.subList(0, 5));

        JsonNode body = api.get("/api/v1/analytics/customers?from=2032-01-01&to=2032-03-31", analyst()).expect(200)
                .json();
        assertThat(body.get("customers").asLong()).isEqualTo(4);
        assertThat(body.get("newCustomers").asLong()).isEqualTo(3);
        assertThat(body.get("returningCustomers").asLong()).isEqualTo(1);
        assertThat(body.get("repeatCustomers").asLong()).isEqualTo(3);
        assertThat(body.get("repeatRate").asDouble()).isEqualTo(0.75);
        assertThat(body.get("registrations").asLong()).isEqualTo(2);
        JsonNode cohorts = body.get("cohorts");
        assertThat(cohorts.size()).isEqualTo(2);
        assertThat(cohorts.get(0).get("cohort").asString()).isEqualTo("2032-01");
        assertThat(cohorts.get(0).get("size").asLong()).isEqualTo(1);
        assertThat(cohorts.get(0).get("active").toString()).isEqualTo("[1,1,0]");
        assertThat(cohorts.get(0).get("retention").toString()).isEqualTo("[1.0,1.0,0.0]");
        assertThat(cohorts.get(1).get("cohort").asString()).isEqualTo("2032-02");
        assertThat(cohorts.get(1).get("active").toString()).isEqualTo("[2,1]");
        assertThat(cohorts.get(1).get("retention").toString()).isEqualTo("[1.0,0.5]");

        ApiReply csv = api.send(HttpMethod.GET, "/api/v1/analytics/customers?from=2032-01-01&to=2032-03-31",
                analyst(), null, Map.of("Accept", "text/csv")).expect(200);
        assertThat(csv.body()).isEqualTo("cohort,size,month_0,month_1,month_2\r\n2032-01,1,1,1,0\r\n2032-02,2,2,1,\r\n");

        // From mid-February: ben's and dan's first orders lie before it, so all three are returning; the
        // February cohort still counts cat's order of 2032-02-03, before 'from' but in its month.
        JsonNode mid = api.get("/api/v1/analytics/customers?from=2032-02-12&to=2032-03-31", analyst()).expect(200)
                .json();
        assertThat(mid.get("customers").asLong()).isEqualTo(3);
        assertThat(mid.get("newCustomers").asLong()).isZero();
        assertThat(mid.get("returningCustomers").asLong()).isEqualTo(3);
        assertThat(mid.get("cohorts").size()).isEqualTo(1);
        assertThat(mid.get("cohorts").get(0).get("cohort").asString()).isEqualTo("2032-02");
        assertThat(mid.get("cohorts").get(0).get("active").toString()).isEqualTo("[2,1]");
    }

    /**
     * A customer erased (user.erased) never shows again, yet counts as before: recent orders, JSON and CSV, show
     * one random id in place of theirs for all their orders, one that arrives after the erasure too, while the
     * KPIs, customers and cohorts stay exactly the same. The erasure delivered again, or a second one, changes
     * nothing. Orders of 2098, which no other test uses (recent orders of 2099 come first, see OperationsIT).
     */
    @Test
    void anErasedCustomerIsShownUnderAnotherIdAndCountedAsBefore() {
        UUID user = UUID.randomUUID();
        String erased = user.toString();
        String other = "cust-" + UUID.randomUUID();
        List<Event> events = new ArrayList<>();
        List<String> theirs = new ArrayList<>(List.of(order(events, erased, "2098-01-10T10:00:00Z"),
                order(events, erased, "2098-02-10T10:00:00Z")));
        String others = order(events, other, "2098-02-11T10:00:00Z");
        ingest(events);
        String customers = "/api/v1/analytics/customers?from=2098-01-01&to=2098-03-31";
        String kpis = "/api/v1/analytics/kpis?from=2098-01-01&to=2098-03-31&currency=XTS";
        JsonNode customersBefore = api.get(customers, analyst()).expect(200).json();
        String cohortsBefore = csv(customers);
        JsonNode kpisBefore = api.get(kpis, analyst()).expect(200).json();
        assertThat(customerIds(theirs)).containsOnly(erased);

        Event erasure = erased(user, "2098-04-01T10:00:00Z");
        ingest(erasure);

        List<String> shown = customerIds(theirs);
        assertThat(shown).hasSize(2).doesNotContain(erased);
        String replacement = shown.get(0);
        assertThat(replacement).startsWith("erased:");
        assertThat(shown).containsOnly(replacement);
        assertThat(customerIds(List.of(others))).containsExactly(other);
        assertThat(api.get(RECENT_ORDERS, analyst()).expect(200).body()).doesNotContain(erased);
        assertThat(csv(RECENT_ORDERS)).doesNotContain(erased).contains(replacement);
        assertThat(api.get(customers, analyst()).expect(200).json()).isEqualTo(customersBefore);
        assertThat(csv(customers)).isEqualTo(cohortsBefore);
        assertThat(api.get(kpis, analyst()).expect(200).json()).isEqualTo(kpisBefore);

        // delivered again, and erased a second time: the first replacement stays, once
        ingest(erasure);
        ingest(erased(user, "2098-04-02T10:00:00Z"));
        assertThat(customerIds(theirs)).containsOnly(replacement);
        assertThat(clickHouse("SELECT count() FROM analytics.erased_customers WHERE customer_id = '" + erased + "'"))
                .isEqualTo("1");

        // an order event about them that arrives after the erasure is shown under the replacement, and counted
        // as theirs: still two customers, the erased one now with a third order, in March
        List<Event> late = new ArrayList<>();
        theirs.add(order(late, erased, "2098-03-05T10:00:00Z"));
        ingest(late);
        assertThat(customerIds(theirs)).hasSize(3).containsOnly(replacement);
        assertThat(csv(RECENT_ORDERS)).doesNotContain(erased);
        JsonNode after = api.get(customers, analyst()).expect(200).json();
        assertThat(after.get("customers").asLong()).isEqualTo(customersBefore.get("customers").asLong())
                .isEqualTo(2);
        assertThat(after.get("repeatCustomers").asLong()).isEqualTo(1);
        assertThat(after.get("cohorts").get(0).get("active").toString()).isEqualTo("[1,1,1]");
    }

    /** The customer id recent orders shows for each of {@code orders} listed. */
    private List<String> customerIds(List<String> orders) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : api.get(RECENT_ORDERS, analyst()).expect(200).json().get("items")) {
            if (orders.contains(item.get("orderId").asString())) {
                ids.add(item.get("customerId").asString());
            }
        }
        return ids;
    }

    private String csv(String path) {
        return api.send(HttpMethod.GET, path, analyst(), null, Map.of("Accept", "text/csv")).expect(200).body();
    }

    private static String order(List<Event> events, String customer, String when) {
        UUID id = UUID.randomUUID();
        events.add(confirmed(id, customer, "cart", when, List.of(line("SKU-C", "P-C", 1, 100, "XTS"))));
        return id.toString();
    }
}
