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

    private static void order(List<Event> events, String customer, String when) {
        events.add(confirmed(UUID.randomUUID(), customer, "cart", when, List.of(line("SKU-C", "P-C", 1, 100, "XTS"))));
    }
}
